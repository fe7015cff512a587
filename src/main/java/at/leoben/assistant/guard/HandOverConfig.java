package at.leoben.assistant.guard;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who takes over in each sensitive area ({@code assistant.guard.hand-over.<area>.office}) and the
 * crisis lines shown first in a crisis ({@code assistant.guard.crisis-lines}).
 */
@ConfigMapping(prefix = "assistant.guard")
public interface HandOverConfig {

  Map<String, Office> handOver();

  /** Replaces the shipped term list ({@code area | term} lines) without a new build. */
  Optional<Path> termsFile();

  List<String> crisisLines();

  interface Office {
    /** The office or help line, as a citizen reads it (German). */
    String office();

    /** The same in English. */
    String officeEn();

    /** A reply of its own for this area, instead of the shared text naming the office. */
    Optional<String> reply();

    Optional<String> replyEn();
  }
}

package at.leoben.assistant.guard;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;

/**
 * Who takes over in each sensitive area ({@code assistant.guard.hand-over.<area>.office}) and the
 * crisis lines shown first in a crisis ({@code assistant.guard.crisis-lines}).
 */
@ConfigMapping(prefix = "assistant.guard")
public interface HandOverConfig {

  Map<String, Office> handOver();

  List<String> crisisLines();

  interface Office {
    /** The office or help line, as a citizen reads it (German). */
    String office();

    /** The same in English. */
    String officeEn();
  }
}

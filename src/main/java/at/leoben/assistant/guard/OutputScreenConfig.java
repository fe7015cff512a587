package at.leoben.assistant.guard;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code assistant.guard.output.*}: what the output screen lets through. */
@ConfigMapping(prefix = "assistant.guard.output")
public interface OutputScreenConfig {

  /**
   * The city's own public e-mail addresses and phone numbers, written as they are published (e.g.
   * {@code buergerservice@leoben.at}, {@code +43 3842 4062-0}); an answer may repeat them.
   */
  Optional<List<String>> allowedContacts();
}

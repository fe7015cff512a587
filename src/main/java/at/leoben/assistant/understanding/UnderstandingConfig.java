package at.leoben.assistant.understanding;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Where a city keeps its own vocabulary, corpus and settings (else the shipped ones are used). */
@ConfigMapping(prefix = "assistant.understanding")
public interface UnderstandingConfig {

  /** A folder with {@code vocabulary.txt}, {@code settings.properties} and {@code corpus/index.txt}. */
  Optional<Path> folder();
}

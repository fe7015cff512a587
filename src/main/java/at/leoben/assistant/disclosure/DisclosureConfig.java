package at.leoben.assistant.disclosure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code assistant.disclosure.*}: who provides the model, for the AI-Disclosure header. */
@ConfigMapping(prefix = "assistant.disclosure")
public interface DisclosureConfig {
  @WithDefault("Stadtgemeinde Leoben (lokal betriebenes Ollama)")
  String provider();
}

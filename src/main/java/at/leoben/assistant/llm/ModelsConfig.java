package at.leoben.assistant.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The approved-model registry and how often the served model is compared with it. */
@ConfigMapping(prefix = "assistant.models")
public interface ModelsConfig {

  /**
   * A registry file that replaces the one packaged with the service (ASSISTANT_MODELS_REGISTRY),
   * e.g. mounted from a ConfigMap.
   */
  Optional<Path> registry();

  /** How often Ollama's served digest is compared with the approved one. */
  @WithDefault("1m")
  Duration checkInterval();

  /**
   * While Ollama is unreachable or does not serve the model, a turn checks again at most this
   * often, so that answers resume soon after Ollama is back.
   */
  @WithDefault("5s")
  Duration recheckAfter();
}

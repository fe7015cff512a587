package at.leoben.assistant.admission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The model host's capacity as the service sees it ({@code assistant.llm.*}, beside {@code
 * LlmConfig}): how many generations it runs at once and how long a citizen may wait in line.
 */
@ConfigMapping(prefix = "assistant.llm")
public interface AdmissionConfig {

  /**
   * Generations sent to the model host at once (ASSISTANT_LLM_PARALLEL): Ollama's {@code
   * OLLAMA_NUM_PARALLEL}, divided by the number of service instances that share the host.
   */
  @WithDefault("1")
  int parallel();

  /**
   * The longest a citizen waits in line for the model (ASSISTANT_LLM_MAX_QUEUE_WAIT). Whoever
   * would wait longer by the estimate gets the city's excerpt and the human channels at once.
   */
  @WithDefault("8s")
  Duration maxQueueWait();

  /** The generation time assumed until the first answers have been measured. */
  @WithDefault("4s")
  Duration generationEstimate();
}

package at.leoben.assistant.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The model as a second reader of what a citizen means ({@code assistant.llm.understanding.*},
 * issue 16); see the README, "Understanding what citizens mean".
 */
@ConfigMapping(prefix = "assistant.llm.understanding")
public interface ReadingConfig {

  /** One short structured call per turn while the model is up (ASSISTANT_LLM_UNDERSTANDING_ENABLED). */
  @WithDefault("true")
  boolean enabled();

  /**
   * A separate, smaller model for the reading (ASSISTANT_LLM_UNDERSTANDING_MODEL), held to the
   * same approved-model registry; absent: the answer model.
   */
  Optional<String> model();

  /** The whole reading, connection included (ASSISTANT_LLM_UNDERSTANDING_TIMEOUT); then the safety net alone decides. */
  @WithDefault("4s")
  Duration timeout();

  /** Earlier messages sent along for follow-ups (handed-over turns never are). */
  @WithDefault("4")
  int historyMessages();

  /** Bound on what the model writes: the reading is a few short fields. */
  @WithDefault("200")
  int maxTokens();
}

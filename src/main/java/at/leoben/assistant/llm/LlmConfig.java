package at.leoben.assistant.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** How the service talks to Ollama: {@code assistant.llm.*}, read at run time. */
@ConfigMapping(prefix = "assistant.llm")
public interface LlmConfig {

  /** Ollama's base URL, e.g. {@code http://127.0.0.1:11434} (ASSISTANT_LLM_BASE_URL). */
  String baseUrl();

  /** The Ollama model name sent with every request (ASSISTANT_LLM_MODEL). */
  String model();

  /** Bound for a whole non-streamed answer and for the first token of a stream. */
  @WithDefault("20s")
  Duration timeout();

  /** A stream that is silent this long after its first token counts as stalled. */
  @WithDefault("10s")
  Duration streamIdleTimeout();

  @WithDefault("90s")
  Duration streamMaxDuration();

  @WithDefault("0.2")
  double temperature();

  @WithDefault("512")
  int maxAnswerTokens();

  @WithDefault("4096")
  int contextWindow();

  /**
   * Budget for earlier turns in a prompt, in (estimated) tokens; the oldest turns are dropped
   * first (ASSISTANT_LLM_HISTORY_MAX_TOKENS).
   */
  @WithDefault("1500")
  int historyMaxTokens();

  /**
   * The character budget of earlier versions (ASSISTANT_LLM_HISTORY_MAX_CHARS): still honoured
   * when set, in addition to the token budget. Prefer {@link #historyMaxTokens()}.
   */
  OptionalInt historyMaxChars();

  /**
   * How long Ollama keeps the model loaded after a request (ASSISTANT_LLM_KEEP_ALIVE), sent with
   * every request as {@code keep_alive}: a model unloaded between two citizens costs the next one
   * the loading time, and its prompt cache is gone. Negative: keep it loaded for good.
   */
  @WithDefault("30m")
  Duration keepAlive();

  @WithDefault("3s")
  Duration healthTimeout();

  CircuitBreaker circuitBreaker();

  interface CircuitBreaker {
    /** How many recent calls the breaker looks at before it may open. */
    @WithDefault("6")
    int requestVolumeThreshold();

    @WithDefault("0.5")
    double failureRatio();

    /** How long an open breaker keeps the model untouched before it tries again. */
    @WithDefault("30s")
    Duration delay();
  }
}

package at.leoben.assistant.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/**
 * Builds the LangChain4j Ollama clients from run-time configuration, so that ASSISTANT_LLM_MODEL
 * and ASSISTANT_LLM_BASE_URL take effect without a new build. Request logging stays off: prompts
 * contain what citizens wrote.
 */
@ApplicationScoped
class OllamaModels {

  // The HTTP timeout only backs up the gateway's own bounds and frees a blocked thread soon after.
  private static final Duration HTTP_GRACE = Duration.ofSeconds(2);

  @Produces
  @ApplicationScoped
  ChatModel chatModel(LlmConfig config) {
    return OllamaChatModel.builder()
        .baseUrl(config.baseUrl())
        .modelName(config.model())
        .temperature(config.temperature())
        .numPredict(config.maxAnswerTokens())
        .numCtx(config.contextWindow())
        .defaultRequestParameters(keptLoaded(config))
        .timeout(config.timeout().plus(HTTP_GRACE))
        // One retry policy: none here. A failed call goes to the fallback at once, and the circuit
        // breaker, not a retry loop, decides when to try the model again.
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  @Produces
  @ApplicationScoped
  StreamingChatModel streamingChatModel(LlmConfig config) {
    return OllamaStreamingChatModel.builder()
        .baseUrl(config.baseUrl())
        .modelName(config.model())
        .temperature(config.temperature())
        .numPredict(config.maxAnswerTokens())
        .numCtx(config.contextWindow())
        .defaultRequestParameters(keptLoaded(config))
        .timeout(config.streamMaxDuration().plus(HTTP_GRACE))
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  /**
   * {@code keep_alive} on every request: Ollama's default (5 minutes) unloads the model in a quiet
   * hour, and the next citizen then waits for the load and a prompt cache built from scratch.
   */
  static OllamaChatRequestParameters keptLoaded(LlmConfig config) {
    long seconds = config.keepAlive().toSeconds();
    return OllamaChatRequestParameters.builder()
        .keepAlive((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, seconds)))
        .build();
  }
}

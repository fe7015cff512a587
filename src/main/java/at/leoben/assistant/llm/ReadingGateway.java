package at.leoben.assistant.llm;

import at.leoben.assistant.llm.ModelUnavailable.Failure;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The door for the model's structured reading of a message (Ollama's {@code format} with a JSON
 * schema, temperature 0, {@code stream:false}). It has its own short time bound and stays out of
 * the answers' circuit breaker on purpose: a slow reading must not switch the answers off. It does
 * honour the breaker (an open breaker means the host is in trouble) and the model approval.
 */
@ApplicationScoped
public class ReadingGateway {

  private static final Duration HTTP_GRACE = Duration.ofSeconds(1);

  private final ReadingConfig config;
  private final String model;
  private final ChatModel chatModel;
  private final ModelApproval approval;
  private final ModelGateway answers;
  private final ModelUsage usage;

  ReadingGateway(LlmConfig llm, ReadingConfig config, ModelApproval approval, ModelGateway answers, ModelUsage usage) {
    this.config = config;
    this.model = config.model().filter(name -> !name.isBlank()).orElse(llm.model());
    this.approval = approval;
    this.answers = answers;
    this.usage = usage;
    this.chatModel =
        OllamaChatModel.builder()
            .baseUrl(llm.baseUrl())
            .modelName(model)
            .temperature(0.0)
            .numPredict(config.maxTokens())
            .numCtx(llm.contextWindow())
            // The same keep_alive as the answers: a reading without it would reset Ollama's timer to its default.
            .defaultRequestParameters(OllamaModels.keptLoaded(llm))
            // The HTTP client's bound only backs up the call's own, which ends the reading first.
            .timeout(config.timeout().plus(HTTP_GRACE))
            .maxRetries(0)
            .logRequests(false)
            .logResponses(false)
            .build();
  }

  /** The model that reads (ASSISTANT_LLM_UNDERSTANDING_MODEL, else the answer model). */
  public String modelName() {
    return model;
  }

  /** Switched on (ASSISTANT_LLM_UNDERSTANDING_ENABLED). */
  public boolean enabled() {
    return config.enabled();
  }

  /**
   * Whether a reading may be asked for now, without asking Ollama: switched on, the model approved
   * with the digest last seen, the answers' breaker closed.
   */
  public boolean available() {
    return config.enabled() && !answers.breakerOpen() && approval.approved(model);
  }

  /** One structured call, bounded by {@code understanding.timeout}; fails as {@link ModelUnavailable}. */
  public StructuredOutput read(StructuredRequest request) {
    ChatRequest chatRequest = chatRequest(request);
    long started = System.nanoTime();
    ChatResponse response;
    try {
      response =
          CompletableFuture.supplyAsync(() -> chatModel.chat(chatRequest), Infrastructure.getDefaultWorkerPool())
              .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
              .join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw timedOut(cause)
          ? new ModelUnavailable(Failure.TIMEOUT, "reading longer than " + config.timeout())
          // Only the exception type: messages of client libraries may quote the prompt.
          : new ModelUnavailable(Failure.ERROR, cause.getClass().getSimpleName());
    }
    TokenUsage tokens = response.tokenUsage();
    Integer input = tokens == null ? null : tokens.inputTokenCount();
    Integer output = tokens == null ? null : tokens.outputTokenCount();
    usage.record(input, output);
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null || text.isBlank()) {
      throw new ModelUnavailable(Failure.INVALID_OUTPUT, "empty reading");
    }
    return new StructuredOutput(text.strip(), model, input, output, Duration.ofNanos(System.nanoTime() - started));
  }

  private static boolean timedOut(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException
          || cause instanceof HttpTimeoutException
          || cause instanceof dev.langchain4j.exception.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private ChatRequest chatRequest(StructuredRequest request) {
    JsonObjectSchema.Builder shape = JsonObjectSchema.builder();
    List<String> required = new ArrayList<>();
    new TreeMap<>(request.enumFields()).forEach((name, values) -> {
      shape.addEnumProperty(name, values);
      required.add(name);
    });
    for (String name : request.textFields()) {
      shape.addStringProperty(name);
      required.add(name);
    }
    JsonSchema schema =
        JsonSchema.builder().name("reading").rootElement(shape.required(required).additionalProperties(false).build()).build();
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(request.systemPrompt()));
    for (PromptTurn turn : request.history()) {
      messages.add(turn.speaker() == PromptTurn.Speaker.CITIZEN ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
    }
    messages.add(UserMessage.from(request.message()));
    return ChatRequest.builder()
        .messages(messages)
        .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build())
        .build();
  }
}

package at.leoben.assistant.llm;

import at.leoben.assistant.llm.ModelUnavailable.Failure;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The only door to the language model. Every call, sync or streamed, goes through one circuit
 * breaker and its own time bounds, only to an approved model ({@link ModelApproval}), and fails
 * as {@link ModelUnavailable} so that the caller can serve the human channels instead.
 */
@Startup
@ApplicationScoped
public class ModelGateway {

  private static final Logger LOG = Logger.getLogger(ModelGateway.class);
  private static final TypeLiteral<Uni<ModelOutput>> UNI_OUTPUT = new TypeLiteral<>() {};
  private static final TypeLiteral<CompletionStage<ModelOutput>> STAGE_OUTPUT = new TypeLiteral<>() {};

  private final ChatModel chatModel;
  private final StreamingChatModel streamingModel;
  private final Prompts prompts;
  private final LlmConfig config;
  private final Guard guard;
  private final ModelApproval approval;
  private final ModelUsage usage;
  private final AtomicReference<CircuitBreakerState> breakerState =
      new AtomicReference<>(CircuitBreakerState.CLOSED);

  ModelGateway(
      ChatModel chatModel,
      StreamingChatModel streamingModel,
      Prompts prompts,
      LlmConfig config,
      ModelApproval approval,
      ModelUsage usage,
      MeterRegistry meters) {
    this.approval = approval;
    this.usage = usage;
    this.chatModel = chatModel;
    this.streamingModel = streamingModel;
    this.prompts = prompts;
    this.config = config;
    this.guard =
        Guard.create()
            .withDescription("ollama")
            .withCircuitBreaker()
            .requestVolumeThreshold(config.circuitBreaker().requestVolumeThreshold())
            .failureRatio(config.circuitBreaker().failureRatio())
            .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
            .onStateChange(this::onBreakerChange)
            .done()
            .build();
    Gauge.builder("assistant.llm.circuit.open", breakerState, state -> state.get() == CircuitBreakerState.OPEN ? 1 : 0)
        .description("1 while the circuit breaker keeps calls away from the language model")
        .strongReference(true)
        .register(meters);
  }

  /** The configured model name, as sent to Ollama. */
  public String modelName() {
    return config.model();
  }

  /** Whether the breaker keeps calls away from the model right now (the reader then steps aside). */
  public boolean breakerOpen() {
    return breakerState.get() == CircuitBreakerState.OPEN;
  }

  public String promptVersion() {
    return Prompts.VERSION;
  }

  /** The system prompt, so that the output screen can notice when an answer repeats it. */
  public String systemPrompt() {
    return prompts.systemPrompt();
  }

  /** The plain-language instruction blocks, for the same reason. */
  public List<String> plainLanguageInstructions() {
    return prompts.plainLanguageInstructions();
  }

  /** Asks for a whole answer; blocks at most {@code assistant.llm.timeout}. */
  public ModelOutput answer(ModelRequest request) {
    approval.requireApproved();
    ChatRequest chatRequest = prompts.build(request);
    String promptVersion = Prompts.version(request);
    long started = System.nanoTime();
    CompletionStage<ModelOutput> guarded =
        guard.get(
            () ->
                CompletableFuture.supplyAsync(() -> chatModel.chat(chatRequest), Infrastructure.getDefaultWorkerPool())
                    // A late failure of the abandoned call is dropped quietly; the HTTP timeout ends it.
                    .orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .thenApply(response -> toOutput(response, promptVersion, started)),
            STAGE_OUTPUT);
    try {
      return guarded.toCompletableFuture().join();
    } catch (RuntimeException e) {
      throw classify(e);
    }
  }

  /**
   * Streams an answer: tokens as the model writes them, then {@link ModelEvent.Completed}. Fails
   * with {@link ModelUnavailable} when the model errs, says nothing for {@code timeout} before the
   * first token or {@code stream-idle-timeout} between tokens, or runs past its maximum duration.
   * Nothing is emitted after a failure.
   */
  public Multi<ModelEvent> stream(ModelRequest request) {
    ChatRequest chatRequest = prompts.build(request);
    String promptVersion = Prompts.version(request);
    return Multi.createFrom()
        .emitter(
            emitter -> {
              try {
                approval.requireApproved();
              } catch (ModelUnavailable refused) {
                emitter.fail(refused);
                return;
              }
              new StreamCall(chatRequest, promptVersion, emitter).start();
            });
  }

  /** One streamed call: bridges LangChain4j's callbacks to Mutiny under the guard. */
  private final class StreamCall {
    private final ChatRequest chatRequest;
    private final String promptVersion;
    private final MultiEmitter<? super ModelEvent> emitter;
    private final long started = System.nanoTime();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    private final AtomicReference<ScheduledFuture<?>> watchdog = new AtomicReference<>();
    private final AtomicReference<UniEmitter<? super ChatResponse>> pending = new AtomicReference<>();

    StreamCall(ChatRequest chatRequest, String promptVersion, MultiEmitter<? super ModelEvent> emitter) {
      this.chatRequest = chatRequest;
      this.promptVersion = promptVersion;
      this.emitter = emitter;
    }

    void start() {
      Uni<ModelOutput> whole =
          guard.get(
              () ->
                  Uni.createFrom()
                      .<ChatResponse>emitter(this::call)
                      .ifNoItem()
                      .after(config.streamMaxDuration())
                      .failWith(() -> new ModelUnavailable(Failure.TIMEOUT, "stream longer than " + config.streamMaxDuration()))
                      // null: the caller went away; the call ended without a model failure.
                      .map(response -> response == null ? null : toOutput(response, promptVersion, started)),
              UNI_OUTPUT);
      var subscription =
          whole.subscribe()
              .with(
                  output -> {
                    if (output != null && close()) {
                      emitter.emit(new ModelEvent.Completed(output));
                      emitter.complete();
                    }
                  },
                  failure -> {
                    if (close()) {
                      emitter.fail(classify(failure));
                    }
                  });
      emitter.onTermination(
          () -> {
            // The citizen went away or the caller gave up: stop the model's work as well. The guard
            // sees the call end normally: a citizen leaving is no failure of the model, and counting
            // it would let a crowd that closes its tabs open the circuit breaker.
            // Ended before the connection is closed, so the error of the closing read comes too late.
            UniEmitter<? super ChatResponse> call = open.get() ? pending.get() : null;
            if (call != null) {
              call.complete(null);
            }
            if (close() && call == null) {
              subscription.cancel();
            }
          });
    }

    private void call(UniEmitter<? super ChatResponse> done) {
      pending.set(done);
      arm(done, config.timeout(), Failure.TIMEOUT);
      streamingModel.chat(
          chatRequest,
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
              handle.compareAndSet(null, context.streamingHandle());
              if (open.get()) {
                arm(done, config.streamIdleTimeout(), Failure.STALLED);
                emitter.emit(new ModelEvent.Token(partial.text()));
              } else if (!context.streamingHandle().isCancelled()) {
                // Closed before the first token (the citizen left): only now is there a connection to close.
                context.streamingHandle().cancel();
              }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
              disarm();
              done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
              disarm();
              done.fail(error);
            }
          });
    }

    /** (Re)starts the silence timer: no token within {@code limit} fails the call. */
    private void arm(UniEmitter<? super ChatResponse> done, Duration limit, Failure failure) {
      ScheduledFuture<?> next =
          Infrastructure.getDefaultWorkerPool()
              .schedule(
                  () -> done.fail(new ModelUnavailable(failure, "silent for " + limit)),
                  limit.toMillis(),
                  TimeUnit.MILLISECONDS);
      ScheduledFuture<?> previous = watchdog.getAndSet(next);
      if (previous != null) {
        previous.cancel(false);
      }
    }

    private void disarm() {
      ScheduledFuture<?> previous = watchdog.getAndSet(null);
      if (previous != null) {
        previous.cancel(false);
      }
    }

    /** Closes the call once; true for the caller that closed it. */
    private boolean close() {
      if (!open.compareAndSet(true, false)) {
        return false;
      }
      disarm();
      StreamingHandle streaming = handle.get();
      if (streaming != null && !streaming.isCancelled()) {
        streaming.cancel();
      }
      return true;
    }
  }

  private ModelOutput toOutput(ChatResponse response, String promptVersion, long startedNanos) {
    TokenUsage tokens = response.tokenUsage();
    Integer input = tokens == null ? null : tokens.inputTokenCount();
    Integer output = tokens == null ? null : tokens.outputTokenCount();
    // Counted even when the answer is unusable: the model host spent the energy all the same.
    usage.record(input, output);
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    if (!OutputSanity.isUsable(text)) {
      throw new ModelUnavailable(Failure.INVALID_OUTPUT, "empty or unreadable answer");
    }
    return new ModelOutput(
        text.strip(),
        config.model(),
        promptVersion,
        input,
        output,
        Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  private ModelUnavailable classify(Throwable error) {
    while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null) {
      error = error.getCause();
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ModelUnavailable unavailable) {
        return unavailable;
      }
      if (cause instanceof CircuitBreakerOpenException) {
        return new ModelUnavailable(Failure.CIRCUIT_OPEN, "circuit breaker open");
      }
      if (cause instanceof ConnectException) {
        return new ModelUnavailable(Failure.UNREACHABLE, cause.getClass().getSimpleName());
      }
      if (cause instanceof HttpTimeoutException
          || cause instanceof TimeoutException
          || cause instanceof dev.langchain4j.exception.TimeoutException) {
        return new ModelUnavailable(Failure.TIMEOUT, cause.getClass().getSimpleName());
      }
    }
    // Only the exception type: messages of client libraries may quote the prompt.
    LOG.debugf("model call failed: %s", error.getClass().getName());
    return new ModelUnavailable(Failure.ERROR, error.getClass().getSimpleName());
  }

  private void onBreakerChange(CircuitBreakerState state) {
    breakerState.set(state);
    LOG.warnf("Circuit breaker for the language model is now %s", state);
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.fallback.ChannelDirectory;
import at.leoben.assistant.guard.HumanRequestDetector;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.llm.ModelEvent;
import at.leoben.assistant.llm.ModelGateway;
import at.leoben.assistant.llm.ModelOutput;
import at.leoben.assistant.llm.ModelRequest;
import at.leoben.assistant.llm.ModelUnavailable;
import at.leoben.assistant.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A citizen's turn, one way through: input checks → guard → model → disclosure → store and audit
 * (one transaction) → reply. Whatever fails after the input checks ends in the human channels,
 * never in an error.
 */
@ApplicationScoped
class TurnService {

  private static final Logger LOG = Logger.getLogger(TurnService.class);

  private final ConversationStore store;
  private final HumanRequestDetector humanRequests;
  private final ModelGateway model;
  private final Disclosures disclosures;
  private final ChannelDirectory channels;
  private final Texts texts;
  private final ChatConfig config;
  private final MeterRegistry meters;

  TurnService(
      ConversationStore store,
      HumanRequestDetector humanRequests,
      ModelGateway model,
      Disclosures disclosures,
      ChannelDirectory channels,
      Texts texts,
      ChatConfig config,
      MeterRegistry meters) {
    this.store = store;
    this.humanRequests = humanRequests;
    this.model = model;
    this.disclosures = disclosures;
    this.channels = channels;
    this.texts = texts;
    this.config = config;
    this.meters = meters;
  }

  /** A validated question and the conversation it continues; a turn that may go to the model. */
  record Turn(String question, ConversationRef conversation) {}

  /** Checks the input and opens the conversation; throws problem details, stores nothing. */
  Turn begin(ChatRequest request, String headerToken) {
    if (request == null || request.message() == null || request.message().isBlank()) {
      throw ProblemException.badRequest("problem.message.blank");
    }
    String question = request.message().strip();
    if (question.codePointCount(0, question.length()) > config.maxMessageLength()) {
      throw ProblemException.badRequest("problem.message.too-long", config.maxMessageLength());
    }
    String token = headerToken != null ? headerToken : request.conversationToken();
    return new Turn(question, store.open(request.conversationId(), token, request.language()));
  }

  TurnResult answer(Turn turn) {
    if (humanRequests.asksForHuman(turn.question())) {
      return new TurnResult(fallback(turn, ReplyReason.HUMAN_REQUESTED, null), Optional.empty());
    }
    ModelOutput output;
    try {
      output = model.answer(modelRequest(turn));
    } catch (ModelUnavailable e) {
      return new TurnResult(fallback(turn, ReplyReason.MODEL_UNAVAILABLE, e.getMessage()), Optional.empty());
    }
    Disclosure disclosure = disclosures.forModel(output.model(), turn.conversation().language());
    DisclosedAnswer answer = disclosures.disclose(output, disclosure);
    Optional<ChatReply> reply = storeAi(turn, answer);
    return reply
        .map(r -> new TurnResult(r, Optional.of(disclosures.header(disclosure))))
        .orElseGet(() -> new TurnResult(fallback(turn, ReplyReason.AUDIT_FAILED, "audit write failed"), Optional.empty()));
  }

  /** True when the stream will not reach the model, so no AI-Disclosure header is due. */
  boolean handsOver(Turn turn) {
    return humanRequests.asksForHuman(turn.question());
  }

  /** The disclosure a streamed answer will carry, fixed before the first token. */
  Disclosure streamDisclosure(Turn turn) {
    return disclosures.forModel(model.modelName(), turn.conversation().language());
  }

  String header(Disclosure disclosure) {
    return disclosures.header(disclosure);
  }

  /**
   * Streams a turn: {@code disclosure} before the first token, {@code delta}s, then {@code
   * sources} and {@code done}; or {@code fallback} in place of whatever had not been sent yet.
   */
  Multi<StreamEvent> stream(Turn turn, Disclosure disclosure) {
    if (handsOver(turn)) {
      return Multi.createFrom()
          .item(() -> new StreamEvent.Fallback(fallback(turn, ReplyReason.HUMAN_REQUESTED, null)))
          .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
          .map(StreamEvent.class::cast);
    }
    return Multi.createFrom().emitter(emitter -> relay(turn, disclosure, emitter));
  }

  private void relay(Turn turn, Disclosure disclosure, MultiEmitter<? super StreamEvent> emitter) {
    AtomicBoolean disclosed = new AtomicBoolean();
    var subscription =
        model.stream(modelRequest(turn))
            .subscribe()
            .with(
                event -> {
                  if (event instanceof ModelEvent.Token token) {
                    if (disclosed.compareAndSet(false, true)) {
                      emitter.emit(new StreamEvent.DisclosureEvent(disclosure));
                    }
                    emitter.emit(new StreamEvent.Delta(disclosures.disclose(token, disclosure)));
                  } else if (event instanceof ModelEvent.Completed completed) {
                    DisclosedAnswer answer = disclosures.disclose(completed.output(), disclosure);
                    // Storing blocks: leave the model client's thread.
                    Infrastructure.getDefaultWorkerPool()
                        .execute(() -> finish(turn, answer, disclosed, emitter));
                  }
                },
                failure ->
                    Infrastructure.getDefaultWorkerPool()
                        .execute(
                            () -> {
                              emitter.emit(
                                  new StreamEvent.Fallback(
                                      fallback(turn, ReplyReason.MODEL_UNAVAILABLE, failure.getMessage())));
                              emitter.complete();
                            }));
    emitter.onTermination(subscription::cancel);
  }

  private void finish(
      Turn turn, DisclosedAnswer answer, AtomicBoolean disclosed, MultiEmitter<? super StreamEvent> emitter) {
    Optional<ChatReply> reply = storeAi(turn, answer);
    if (reply.isPresent()) {
      if (disclosed.compareAndSet(false, true)) {
        emitter.emit(new StreamEvent.DisclosureEvent(answer.disclosure()));
      }
      emitter.emit(new StreamEvent.Sources(reply.get().sources()));
      emitter.emit(new StreamEvent.Done(reply.get()));
    } else {
      emitter.emit(new StreamEvent.Fallback(fallback(turn, ReplyReason.AUDIT_FAILED, "audit write failed")));
    }
    emitter.complete();
  }

  private ModelRequest modelRequest(Turn turn) {
    return new ModelRequest(turn.question(), turn.conversation().history(), turn.conversation().language());
  }

  /** Stores an AI answer with its audit entry; empty when that failed (then it is not delivered). */
  private Optional<ChatReply> storeAi(Turn turn, DisclosedAnswer answer) {
    UUID replyId = UUID.randomUUID();
    try {
      store.record(TurnRecord.ai(turn.conversation(), turn.question(), replyId, answer));
    } catch (RuntimeException e) {
      LOG.errorf("Withholding an AI answer: its audit entry could not be written (%s)", e.getClass().getName());
      return Optional.empty();
    }
    count(ReplyKind.AI_GENERATED, null);
    return Optional.of(ChatReply.ai(turn.conversation(), replyId, answer, channels(turn)));
  }

  /** The human channels as the answer. Stored and audited when possible, delivered regardless. */
  private ChatReply fallback(Turn turn, ReplyReason reason, String failure) {
    String key =
        switch (reason) {
          case HUMAN_REQUESTED -> "fallback.human-requested";
          case AUDIT_FAILED -> "fallback.audit-failed";
          default -> "fallback.model-unavailable";
        };
    String text = texts.get(turn.conversation().language(), key);
    UUID replyId = UUID.randomUUID();
    try {
      store.record(TurnRecord.fallback(turn.conversation(), turn.question(), replyId, reason, text, failure));
    } catch (RuntimeException e) {
      LOG.errorf("Could not store a fallback reply (%s); delivering it anyway", e.getClass().getName());
    }
    if (failure != null) {
      LOG.warnf("Answering with the human channels: %s", failure);
    }
    count(ReplyKind.FALLBACK, reason);
    return ChatReply.fallback(turn.conversation(), replyId, reason, text, channels(turn));
  }

  private List<at.leoben.assistant.fallback.AnalogueChannel> channels(Turn turn) {
    return channels.channels(turn.conversation().language());
  }

  private void count(ReplyKind kind, ReplyReason reason) {
    meters
        .counter("assistant.turns", "kind", kind.name(), "reason", reason == null ? "NONE" : reason.name())
        .increment();
  }

}

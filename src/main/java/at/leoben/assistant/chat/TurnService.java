package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.fallback.AnalogueChannel;
import at.leoben.assistant.fallback.ChannelDirectory;
import at.leoben.assistant.guard.HandOvers;
import at.leoben.assistant.guard.InputGuard;
import at.leoben.assistant.guard.InputVerdict;
import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.guard.OutputScreen;
import at.leoben.assistant.guard.SensitiveArea;
import at.leoben.assistant.review.FlagRequest;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.knowledge.KnowledgeBase;
import at.leoben.assistant.knowledge.KnowledgeConfig;
import at.leoben.assistant.knowledge.RetrievedPassage;
import at.leoben.assistant.llm.ModelEvent;
import at.leoben.assistant.llm.ModelGateway;
import at.leoben.assistant.llm.ModelOutput;
import at.leoben.assistant.llm.ModelUnavailable;
import at.leoben.assistant.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * A citizen's turn, one way through: input checks → guard → knowledge → model → disclosure →
 * store and audit (one transaction) → reply. Whatever fails after the input checks ends in the
 * city's own text or the human channels, never in an error.
 */
@ApplicationScoped
class TurnService {

  private static final Logger LOG = Logger.getLogger(TurnService.class);

  /** A validated question and the conversation it continues. */
  record Turn(String question, String questionKey, ConversationRef conversation) {}

  /** What a turn will do, decided before anything is sent, so the stream's headers are right. */
  sealed interface Plan {}

  record HandOver() implements Plan {}

  record Sensitive(SensitiveArea area) implements Plan {}

  record Misuse() implements Plan {}

  record NoKnowledge() implements Plan {}

  record Reuse(ConversationStore.Reusable answer, Disclosure disclosure) implements Plan {}

  record AskModel(List<RetrievedPassage> passages, Disclosure disclosure) implements Plan {}

  private final ConversationStore store;
  private final InputGuard inputGuard;
  private final OutputScreen outputScreen;
  private final HandOvers handOvers;
  private final KnowledgeBase knowledge;
  private final KnowledgeConfig knowledgeConfig;
  private final ModelGateway model;
  private final Disclosures disclosures;
  private final ChannelDirectory channels;
  private final Texts texts;
  private final ChatConfig config;
  private final MeterRegistry meters;
  private final Clock clock;

  TurnService(
      ConversationStore store,
      InputGuard inputGuard,
      OutputScreen outputScreen,
      HandOvers handOvers,
      KnowledgeBase knowledge,
      KnowledgeConfig knowledgeConfig,
      ModelGateway model,
      Disclosures disclosures,
      ChannelDirectory channels,
      Texts texts,
      ChatConfig config,
      MeterRegistry meters,
      Clock clock) {
    this.store = store;
    this.inputGuard = inputGuard;
    this.outputScreen = outputScreen;
    outputScreen.knowPrompt(model.systemPrompt());
    this.handOvers = handOvers;
    this.knowledge = knowledge;
    this.knowledgeConfig = knowledgeConfig;
    this.model = model;
    this.disclosures = disclosures;
    this.channels = channels;
    this.texts = texts;
    this.config = config;
    this.meters = meters;
    this.clock = clock;
  }

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
    ConversationRef conversation = store.open(request.conversationId(), token, request.language());
    // Only a first question stands on its own; a follow-up depends on what was said before.
    String key = conversation.history().isEmpty() ? QuestionKey.of(question, conversation.language()) : null;
    return new Turn(question, key, conversation);
  }

  Plan plan(Turn turn) {
    InputVerdict verdict = inputGuard.check(turn.question());
    if (verdict instanceof InputVerdict.Sensitive sensitive) {
      return new Sensitive(sensitive.area());
    }
    if (verdict instanceof InputVerdict.HumanRequested) {
      return new HandOver();
    }
    if (verdict instanceof InputVerdict.Misuse) {
      return new Misuse();
    }
    List<RetrievedPassage> passages = knowledge.retrieve(turn.question());
    if (passages.isEmpty()) {
      return new NoKnowledge();
    }
    if (turn.questionKey() != null && !knowledgeConfig.reuseWindow().isZero()) {
      Instant notBefore = Instant.now(clock).minus(knowledgeConfig.reuseWindow());
      Instant knowledgeChanged = knowledge.lastChange();
      Optional<ConversationStore.Reusable> earlier =
          store.findReusable(turn.questionKey(), knowledgeChanged.isAfter(notBefore) ? knowledgeChanged : notBefore);
      if (earlier.isPresent()) {
        ConversationStore.Reusable answer = earlier.get();
        return new Reuse(
            answer,
            disclosures.restore(answer.model(), answer.responsible(), answer.generatedAt(), turn.conversation().language()));
      }
    }
    return new AskModel(passages, disclosures.forModel(model.modelName(), turn.conversation().language()));
  }

  /** The AI-Disclosure header of a turn whose reply will (or may) carry model output. */
  Optional<String> header(Plan plan) {
    if (plan instanceof Reuse reuse) {
      return Optional.of(disclosures.header(reuse.disclosure()));
    }
    if (plan instanceof AskModel ask) {
      return Optional.of(disclosures.header(ask.disclosure()));
    }
    return Optional.empty();
  }

  TurnResult answer(Turn turn, Plan plan) {
    if (plan instanceof Reuse reuse) {
      return delivered(turn, reuseAnswer(turn, reuse), reuse.disclosure());
    }
    if (!(plan instanceof AskModel ask)) {
      return new TurnResult(notAnswered(turn, plan), Optional.empty());
    }
    ModelOutput output;
    try {
      output = model.answer(Grounding.request(turn, ask.passages()));
    } catch (ModelUnavailable e) {
      return new TurnResult(excerpt(turn, ask.passages(), e.getMessage()), Optional.empty());
    }
    DisclosedAnswer answer = disclosures.disclose(output, ask.disclosure());
    List<OutputFinding> findings = outputScreen.screen(answer.text());
    if (Screening.withholds(findings)) {
      return new TurnResult(withheld(turn, answer.text(), findings), Optional.empty());
    }
    List<Source> sources = Grounding.sources(ask.passages(), answer.text());
    return delivered(turn, storeAi(turn, answer, sources, null, Screening.flags(findings, null)), ask.disclosure());
  }

  /**
   * Streams a turn: {@code disclosure} before the first token, {@code delta}s, then {@code
   * sources} and {@code done}; or {@code fallback} in place of whatever had not been sent yet.
   */
  Multi<StreamEvent> stream(Turn turn, Plan plan) {
    if (plan instanceof AskModel ask) {
      return Multi.createFrom().emitter(emitter -> relay(turn, ask, emitter));
    }
    return Multi.createFrom()
        .<List<StreamEvent>>item(
            () -> {
              if (plan instanceof Reuse reuse) {
                return reuseAnswer(turn, reuse)
                    .map(reply -> completeEvents(reply, reuse.disclosure(), true))
                    .orElseGet(() -> List.of(new StreamEvent.Fallback(auditFailed(turn))));
              }
              return List.of(new StreamEvent.Fallback(notAnswered(turn, plan)));
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToIterable(events -> events);
  }

  private void relay(Turn turn, AskModel ask, MultiEmitter<? super StreamEvent> emitter) {
    ScreenedStream screened = new ScreenedStream(outputScreen, ask.disclosure());
    AtomicReference<Cancellable> upstream = new AtomicReference<>();
    upstream.set(
        model.stream(Grounding.request(turn, ask.passages()))
            .subscribe()
            .with(
                event -> {
                  if (event instanceof ModelEvent.Token token) {
                    ScreenedStream.Step step = screened.add(disclosures.disclose(token, ask.disclosure()));
                    step.events().forEach(emitter::emit);
                    if (step.withheld()) {
                      // Cut off before the citizen sees the rest; the clerk gets what was written.
                      Optional.ofNullable(upstream.get()).ifPresent(Cancellable::cancel);
                      offload(() -> finishWithheld(turn, screened, emitter));
                    }
                  } else if (event instanceof ModelEvent.Completed completed) {
                    DisclosedAnswer answer = disclosures.disclose(completed.output(), ask.disclosure());
                    offload(() -> finishCompleted(turn, ask, answer, screened, emitter));
                  }
                },
                failure ->
                    offload(
                        () -> {
                          if (!screened.isWithheld()) {
                            emitter.emit(
                                new StreamEvent.Fallback(excerpt(turn, ask.passages(), failure.getMessage())));
                            emitter.complete();
                          }
                        })));
    emitter.onTermination(() -> Optional.ofNullable(upstream.get()).ifPresent(Cancellable::cancel));
  }

  /** Storing blocks: leave the model client's thread. */
  private static void offload(Runnable work) {
    Infrastructure.getDefaultWorkerPool().execute(work);
  }

  private void finishWithheld(Turn turn, ScreenedStream screened, MultiEmitter<? super StreamEvent> emitter) {
    emitter.emit(new StreamEvent.Fallback(withheld(turn, screened.written(), screened.findings())));
    emitter.complete();
  }

  private void finishCompleted(
      Turn turn,
      AskModel ask,
      DisclosedAnswer answer,
      ScreenedStream screened,
      MultiEmitter<? super StreamEvent> emitter) {
    if (screened.isWithheld()) {
      return;
    }
    ScreenedStream.Step rest = screened.complete(answer.text());
    if (rest.withheld()) {
      finishWithheld(turn, screened, emitter);
      return;
    }
    rest.events().forEach(emitter::emit);
    List<Source> sources = Grounding.sources(ask.passages(), answer.text());
    Optional<ChatReply> reply = storeAi(turn, answer, sources, null, Screening.flags(screened.findings(), null));
    reply
        .map(r -> completeEvents(r, ask.disclosure(), false))
        .orElseGet(() -> List.of(new StreamEvent.Fallback(auditFailed(turn))))
        .forEach(emitter::emit);
    emitter.complete();
  }

  private static List<StreamEvent> completeEvents(ChatReply reply, Disclosure disclosure, boolean withText) {
    List<StreamEvent> events = new ArrayList<>();
    if (withText) {
      // Nothing was streamed (a reused answer): the whole text is one delta.
      events.add(new StreamEvent.DisclosureEvent(disclosure));
      events.add(new StreamEvent.Delta(new DisclosedDelta(reply.answer(), disclosure)));
    }
    events.add(new StreamEvent.Sources(reply.sources()));
    events.add(new StreamEvent.Done(reply));
    return events;
  }

  /** An AI answer goes out only when it was stored and audited; otherwise the fallback does. */
  private TurnResult delivered(Turn turn, Optional<ChatReply> reply, Disclosure disclosure) {
    return reply
        .map(r -> new TurnResult(r, Optional.of(disclosures.header(disclosure))))
        .orElseGet(() -> new TurnResult(auditFailed(turn), Optional.empty()));
  }

  private Optional<ChatReply> reuseAnswer(Turn turn, Reuse reuse) {
    DisclosedAnswer answer = DisclosedAnswer.reused(reuse.answer().text(), reuse.disclosure());
    Optional<ChatReply> reply =
        storeAi(turn, answer, reuse.answer().sources(), reuse.answer().messageId(), List.of());
    reply.ifPresent(r -> meters.counter("assistant.model.calls.saved").increment());
    return reply;
  }

  /** Stores an AI answer with its audit entry; empty when that failed (then it is not delivered). */
  private Optional<ChatReply> storeAi(
      Turn turn, DisclosedAnswer answer, List<Source> sources, UUID reusedFrom, List<FlagRequest> flags) {
    UUID replyId = UUID.randomUUID();
    try {
      store.record(TurnRecord.ai(turn, replyId, answer, sources, reusedFrom, flags));
    } catch (RuntimeException e) {
      LOG.errorf("Withholding an AI answer: its audit entry could not be written (%s)", e.getClass().getName());
      return Optional.empty();
    }
    count(ReplyKind.AI_GENERATED, null);
    return Optional.of(ChatReply.ai(turn.conversation(), replyId, answer, sources, channels(turn)));
  }

  private ChatReply notAnswered(Turn turn, Plan plan) {
    var language = turn.conversation().language();
    if (plan instanceof Sensitive sensitive) {
      meters.counter("assistant.handovers", "area", sensitive.area().key()).increment();
      return fallback(
          turn, ReplyReason.SENSITIVE_AREA, sensitive.area().key(), handOvers.text(sensitive.area(), language), null, List.of());
    }
    if (plan instanceof Misuse) {
      return fallback(
          turn,
          ReplyReason.MISUSE,
          null,
          texts.get(language, "misuse.refusal"),
          null,
          List.of(new FlagRequest("MISUSE", "FLAG", "input looks like manipulation or use for something else", null)));
    }
    if (plan instanceof HandOver) {
      return fallback(turn, ReplyReason.HUMAN_REQUESTED, null, texts.get(language, "fallback.human-requested"), null, List.of());
    }
    return fallback(turn, ReplyReason.NO_KNOWLEDGE, null, texts.get(language, "fallback.no-knowledge"), null, List.of());
  }

  private ChatReply auditFailed(Turn turn) {
    return fallback(
        turn,
        ReplyReason.AUDIT_FAILED,
        null,
        texts.get(turn.conversation().language(), "fallback.audit-failed"),
        "audit write failed",
        List.of());
  }

  /** A severe output-screen finding: the citizen gets the channels, the clerk the answer. */
  private ChatReply withheld(Turn turn, String answer, List<OutputFinding> findings) {
    return fallback(
        turn,
        ReplyReason.WITHHELD,
        null,
        texts.get(turn.conversation().language(), "fallback.withheld"),
        "withheld: " + Screening.categories(findings),
        Screening.flags(findings, answer));
  }

  /** The model could not answer: the best passages themselves, marked as the city's text. */
  private ChatReply excerpt(Turn turn, List<RetrievedPassage> passages, String failure) {
    List<RetrievedPassage> shown = passages.subList(0, Math.min(2, passages.size()));
    String text = Grounding.excerptText(texts.get(turn.conversation().language(), "excerpt.intro"), shown);
    List<Source> sources = Grounding.allSources(shown);
    UUID replyId = UUID.randomUUID();
    record(
        TurnRecord.notAi(
            turn, replyId, ReplyKind.KNOWLEDGE_EXCERPT, ReplyReason.MODEL_UNAVAILABLE, null, text, sources, failure, List.of()));
    LOG.warnf("Answering with an excerpt of the city's knowledge: %s", failure);
    count(ReplyKind.KNOWLEDGE_EXCERPT, ReplyReason.MODEL_UNAVAILABLE);
    return ChatReply.excerpt(turn.conversation(), replyId, text, sources, channels(turn));
  }

  /** The human channels as the answer. Stored and audited when possible, delivered regardless. */
  private ChatReply fallback(
      Turn turn, ReplyReason reason, String area, String text, String failure, List<FlagRequest> flags) {
    UUID replyId = UUID.randomUUID();
    record(TurnRecord.notAi(turn, replyId, ReplyKind.FALLBACK, reason, area, text, List.of(), failure, flags));
    if (failure != null) {
      LOG.warnf("Answering with the human channels: %s", failure);
    }
    count(ReplyKind.FALLBACK, reason);
    return ChatReply.fallback(turn.conversation(), replyId, reason, area, text, channels(turn));
  }

  private void record(TurnRecord turn) {
    try {
      store.record(turn);
    } catch (RuntimeException e) {
      LOG.errorf("Could not store a reply (%s); delivering it anyway", e.getClass().getName());
    }
  }

  private List<AnalogueChannel> channels(Turn turn) {
    return channels.channels(turn.conversation().language());
  }

  private void count(ReplyKind kind, ReplyReason reason) {
    meters
        .counter("assistant.turns", "kind", kind.name(), "reason", reason == null ? "NONE" : reason.name())
        .increment();
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.admission.Admission;
import at.leoben.assistant.admission.ModelBusy;
import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.disclosure.Responsible;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.LanguageDetection;
import at.leoben.assistant.guard.InputVerdict;
import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.guard.OutputScreen;
import at.leoben.assistant.guard.SensitiveArea;
import at.leoben.assistant.knowledge.KnowledgeBase;
import at.leoben.assistant.knowledge.KnowledgeConfig;
import at.leoben.assistant.knowledge.RetrievedPassage;
import at.leoben.assistant.understanding.FollowUp;
import at.leoben.assistant.llm.ModelEvent;
import at.leoben.assistant.llm.ModelGateway;
import at.leoben.assistant.llm.ModelOutput;
import at.leoben.assistant.llm.ModelUnavailable;
import at.leoben.assistant.notice.AiChannel;
import at.leoben.assistant.notice.AiSwitch;
import at.leoben.assistant.privacy.Redactor;
import at.leoben.assistant.review.ApprovedAnswers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A citizen's turn, one way through: input checks → guard → knowledge → model → output screen →
 * disclosure → store and audit (one transaction) → reply. This class decides; {@link TurnReplies}
 * makes and stores the reply. Whatever fails after the input checks ends in the city's own text or
 * the human channels, never in an error.
 */
@ApplicationScoped
class TurnService {

  /**
   * A validated question and the conversation it continues; {@code plainLanguage}: the citizen
   * asked for the answer in plain language.
   */
  record Turn(String question, String questionKey, ConversationRef conversation, boolean plainLanguage) {}

  /** What a turn will do, decided before anything is sent, so the stream's headers are right. */
  sealed interface Plan {}

  record HandOver() implements Plan {}

  record Sensitive(SensitiveArea area) implements Plan {}

  record Misuse() implements Plan {}

  /** Greetings, thanks, "wer bist du": a kind reply of the service's own, no model call. */
  record SmallTalk() implements Plan {}

  record NoKnowledge() implements Plan {}

  record Reuse(ConversationStore.Reusable answer, Disclosure disclosure) implements Plan {}

  /** A clerk's answer for this question; {@code disclosure} is null when staff wrote it. */
  record Approved(ApprovedAnswers.InForce answer, Disclosure disclosure) implements Plan {}

  record AskModel(List<RetrievedPassage> passages, Disclosure disclosure) implements Plan {}

  /** AI answers are switched off for the turn's channel: the city's own text, no model call. */
  record SwitchedOff(List<RetrievedPassage> passages) implements Plan {}

  /** A turn begun and planned. */
  record Prepared(Turn turn, Plan plan) {}

  private final ConversationStore store;
  private final TurnReading reading;
  private final OutputScreen outputScreen;
  private final KnowledgeBase knowledge;
  private final KnowledgeConfig knowledgeConfig;
  private final ModelGateway model;
  private final Disclosures disclosures;
  private final TurnReplies replies;
  private final ApprovedAnswers approvedAnswers;
  private final Redactor redactor;
  private final AiSwitch aiSwitch;
  private final HoldBack holdBack;
  private final LanguageDetection languages;
  private final Clock clock;
  private final Admission admission;

  TurnService(
      ConversationStore store,
      TurnReading reading,
      OutputScreen outputScreen,
      KnowledgeBase knowledge,
      KnowledgeConfig knowledgeConfig,
      ModelGateway model,
      Disclosures disclosures,
      TurnReplies replies,
      ApprovedAnswers approvedAnswers,
      Redactor redactor,
      AiSwitch aiSwitch,
      ChatConfig config,
      LanguageDetection languages,
      Clock clock,
      Admission admission) {
    this.store = store;
    this.reading = reading;
    this.outputScreen = outputScreen;
    outputScreen.knowPrompt(model.systemPrompt());
    model.plainLanguageInstructions().forEach(outputScreen::knowPrompt);
    this.knowledge = knowledge;
    this.knowledgeConfig = knowledgeConfig;
    this.model = model;
    this.disclosures = disclosures;
    this.replies = replies;
    this.approvedAnswers = approvedAnswers;
    this.redactor = redactor;
    this.aiSwitch = aiSwitch;
    this.holdBack = new HoldBack(config.streamHoldBackChars(), config.streamHoldBackTime());
    this.languages = languages;
    this.clock = clock;
    this.admission = admission;
  }

  /**
   * {@link #begin} and {@link #plan} each with their reads in one read transaction; between them,
   * outside any transaction, the model's reading of the message (up to its timeout, so it must
   * not hold a database connection).
   */
  Prepared prepare(ChatRequest request, String headerToken, AiChannel channel) {
    Turn turn = QuarkusTransaction.requiringNew().call(() -> begin(request, headerToken));
    // Switched off: no model call at all, the reading included.
    Understood understood = aiSwitch.allows(channel) ? reading.read(turn) : reading.net(turn.question());
    return QuarkusTransaction.requiringNew().call(() -> new Prepared(turn, plan(turn, channel, understood)));
  }

  /**
   * The first programmatic transaction sets up more than the later ones; that belongs to the
   * start, not to a citizen's first turn.
   */
  void warmUp(@Observes StartupEvent event) {
    QuarkusTransaction.requiringNew().run(() -> {});
  }

  /** Opens the conversation of a validated request; throws problem details, stores nothing. */
  Turn begin(ChatRequest request, String headerToken) {
    String question = request.message().strip();
    // Redacted before anything else sees it: the guard, the model, the store and the audit.
    question = redactor.redact(question);
    String token = headerToken != null ? headerToken : request.conversationToken();
    // The reply's language: what the message is clearly written in, else the client's choice.
    Language language = languages.choose(request.language(), question);
    ConversationRef conversation = store.open(request.conversationId(), token, language);
    // Only a first question stands on its own; a follow-up depends on what was said before.
    boolean plain = request.wantsPlainLanguage();
    String key = conversation.history().isEmpty() ? QuestionKey.of(question, conversation.language(), plain) : null;
    return new Turn(question, key, conversation, plain);
  }

  /** A turn from inside the service (the bias probe) counts as an API client for the AI switch. */
  Plan plan(Turn turn) {
    return plan(turn, AiChannel.API);
  }

  Plan plan(Turn turn, AiChannel channel) {
    return plan(turn, channel, reading.net(turn.question()));
  }

  private Plan plan(Turn turn, AiChannel channel, Understood understood) {
    InputVerdict verdict = understood.verdict();
    Optional<String> standalone = understood.standaloneQuestion();
    ConversationRef.Previous previous = turn.conversation().previous();
    // Safety carries over: after a hand-over, a follow-up stays with people unless it clearly
    // turns to an ordinary topic of its own (a full question, not "und was jetzt?").
    if (previous != null
        && previous.handedOverArea() != null
        && (verdict instanceof InputVerdict.Pass || verdict instanceof InputVerdict.SmallTalk)
        && FollowUp.isElliptical(turn.question())) {
      return new Sensitive(SensitiveArea.ofKey(previous.handedOverArea()));
    }
    if (verdict instanceof InputVerdict.Sensitive sensitive) {
      return new Sensitive(sensitive.area());
    }
    if (verdict instanceof InputVerdict.HumanRequested) {
      return new HandOver();
    }
    if (verdict instanceof InputVerdict.Misuse) {
      return new Misuse();
    }
    // The safety net reads German and English; in another language a greeting in front of a
    // question the city's texts answer ("Merhaba, köpeğimi nasıl kaydettirebilirim?") is that question.
    if (verdict instanceof InputVerdict.SmallTalk
        && (readsLikeTheSafetyNet(turn.conversation().language()) || retrieve(turn.question(), previous, standalone).isEmpty())) {
      return new SmallTalk();
    }
    if (turn.questionKey() != null) {
      Optional<ApprovedAnswers.InForce> approved = approvedAnswers.find(turn.questionKey());
      if (approved.isPresent()) {
        return new Approved(approved.get(), approvedDisclosure(approved.get(), turn.conversation().language()));
      }
    }
    List<RetrievedPassage> passages = retrieve(turn.question(), previous, standalone);
    if (passages.isEmpty()) {
      return new NoKnowledge();
    }
    // Switched off: neither the model nor an earlier AI answer; clerks' answers (above) still count.
    if (!aiSwitch.allows(channel)) {
      return new SwitchedOff(passages);
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
            disclosures.restore(answer.provenance(), turn.conversation().language()));
      }
    }
    return new AskModel(passages, disclosures.forModel(model.modelName(), turn.conversation().language()));
  }

  private static boolean readsLikeTheSafetyNet(Language language) {
    return language.equals(Language.DE) || language.equals(Language.EN);
  }

  /**
   * Retrieval for a turn: with the model's stand-alone question when there is one and it finds
   * something. Otherwise a follow-up that only makes sense with the question before it ("und am
   * Freitag?"), or one that finds nothing alone, is searched together with the previous question.
   */
  private List<RetrievedPassage> retrieve(String question, ConversationRef.Previous previous, Optional<String> standalone) {
    if (standalone.isPresent()) {
      List<RetrievedPassage> passages = knowledge.retrieve(standalone.get());
      if (!passages.isEmpty()) {
        return passages;
      }
    }
    boolean hasContext = previous != null && previous.handedOverArea() == null;
    if (hasContext && FollowUp.isElliptical(question)) {
      return knowledge.retrieve(FollowUp.withPrevious(previous.question(), question));
    }
    List<RetrievedPassage> passages = knowledge.retrieve(question);
    if (passages.isEmpty() && hasContext) {
      return knowledge.retrieve(FollowUp.withPrevious(previous.question(), question));
    }
    return passages;
  }

  private Disclosure approvedDisclosure(ApprovedAnswers.InForce answer, Language language) {
    if (!answer.isModelMade()) {
      return null;
    }
    Disclosure original = disclosures.restore(answer.provenance(), language);
    return disclosures.reviewed(original, answer.approvedRole(), language);
  }

  /** The AI-Disclosure header of a turn whose reply will (or may) carry model output. */
  Optional<String> header(Plan plan) {
    if (plan instanceof Approved approved) {
      return Optional.ofNullable(approved.disclosure()).map(disclosures::header);
    }
    if (plan instanceof Reuse reuse) {
      return Optional.of(disclosures.header(reuse.disclosure()));
    }
    if (plan instanceof AskModel ask) {
      return Optional.of(disclosures.header(ask.disclosure()));
    }
    return Optional.empty();
  }

  TurnResult answer(Turn turn, Plan plan) {
    if (plan instanceof Approved approved) {
      return replies
          .approved(turn, approved)
          .map(reply -> new TurnResult(reply, header(approved)))
          .orElseGet(() -> new TurnResult(replies.auditFailed(turn), Optional.empty()));
    }
    if (plan instanceof Reuse reuse) {
      return delivered(turn, replies.reuse(turn, reuse), reuse.disclosure());
    }
    if (!(plan instanceof AskModel ask)) {
      return new TurnResult(replies.notAnswered(turn, plan), Optional.empty());
    }
    ModelOutput output;
    try {
      // In line for one of the model's slots first: at most the configured wait, then the excerpt.
      output = admission.call(lineKey(turn), () -> model.answer(Grounding.request(turn, ask.passages())));
    } catch (ModelUnavailable | ModelBusy e) {
      return new TurnResult(replies.excerpt(turn, ask.passages(), e), Optional.empty());
    }
    DisclosedAnswer answer = disclosures.disclose(output, ask.disclosure());
    List<OutputFinding> findings = outputScreen.screen(answer.text());
    if (Screening.withholds(findings)) {
      return new TurnResult(replies.withheld(turn, answer.text(), findings), Optional.empty());
    }
    List<Source> sources = Grounding.sources(ask.passages(), answer.text());
    return delivered(turn, replies.storeAi(turn, answer, sources, null, Screening.flags(findings, null)), ask.disclosure());
  }

  /**
   * Streams a turn: {@code disclosure} before the first token, {@code delta}s, then {@code
   * sources} and {@code done}; or {@code fallback} in place of whatever had not been sent yet.
   */
  Multi<StreamEvent> stream(Turn turn, Plan plan) {
    if (plan instanceof AskModel ask) {
      // Waits in line for a slot of the model (queued events), relays once admitted.
      return admission.stream(
          lineKey(turn),
          place -> new StreamEvent.Queued(replies.queued(turn, place)),
          () -> audited(turn, ask),
          event -> event instanceof StreamEvent.Fallback,
          busy ->
              Multi.createFrom()
                  .<StreamEvent>item(() -> new StreamEvent.Fallback(replies.excerpt(turn, ask.passages(), busy)))
                  .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
    return Multi.createFrom()
        .<List<StreamEvent>>item(
            () -> {
              if (plan instanceof Approved approved) {
                return replies
                    .approved(turn, approved)
                    .map(reply -> completeEvents(reply, approved.disclosure(), true))
                    .orElseGet(() -> List.of(new StreamEvent.Fallback(replies.auditFailed(turn))));
              }
              if (plan instanceof Reuse reuse) {
                return replies.reuse(turn, reuse)
                    .map(reply -> completeEvents(reply, reuse.disclosure(), true))
                    .orElseGet(() -> List.of(new StreamEvent.Fallback(replies.auditFailed(turn))));
              }
              return List.of(new StreamEvent.Fallback(replies.notAnswered(turn, plan)));
            })
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToIterable(events -> events);
  }

  /**
   * One streamed model answer on its way to the citizen. Tokens and the hold-back timer both
   * release text through the screen; {@link #pass} sends it in order, and the first ending (done,
   * withheld, model failure) is the only one. Every stored outcome completes the audit entry
   * opened for {@code replyId}.
   */
  private final class Relay {
    private final Turn turn;
    private final AskModel ask;
    private final UUID replyId;
    private final MultiEmitter<? super StreamEvent> emitter;
    private final ScreenedStream screened;
    private final AtomicReference<Cancellable> upstream = new AtomicReference<>();
    private boolean timerSet; // guarded by this
    private boolean ended; // guarded by this

    Relay(Turn turn, AskModel ask, UUID replyId, MultiEmitter<? super StreamEvent> emitter) {
      this.turn = turn;
      this.ask = ask;
      this.replyId = replyId;
      this.emitter = emitter;
      this.screened = new ScreenedStream(outputScreen, ask.disclosure(), holdBack);
    }

    void start() {
      upstream.set(
          model.stream(Grounding.request(turn, ask.passages()))
              .subscribe()
              .with(this::onEvent, failure -> offload(() -> failed(failure))));
      emitter.onTermination(this::stop);
    }

    /** The stream ended or the citizen left: nothing more to send, and the model can stop. */
    private void stop() {
      synchronized (this) {
        ended = true;
      }
      cancel();
    }

    private void onEvent(ModelEvent event) {
      if (event instanceof ModelEvent.Token token) {
        pass(() -> screened.add(disclosures.disclose(token, ask.disclosure())));
      } else if (event instanceof ModelEvent.Completed completed) {
        DisclosedAnswer answer = disclosures.disclose(completed.output(), ask.disclosure());
        offload(() -> completed(answer));
      }
    }

    private synchronized void pass(Supplier<ScreenedStream.Step> next) {
      if (ended) {
        return;
      }
      ScreenedStream.Step step = next.get();
      step.events().forEach(emitter::emit);
      if (step.withheld()) {
        // Cut off before the citizen sees the rest; the clerk gets what was written.
        ended = true;
        cancel();
        offload(this::withheld);
        return;
      }
      if (!timerSet) {
        screened.untilDue().ifPresent(this::wake);
      }
    }

    /** Held-back text goes out when it is due even if the model writes nothing more meanwhile. */
    private void wake(Duration after) {
      timerSet = true;
      Infrastructure.getDefaultWorkerPool()
          .schedule(
              () -> {
                synchronized (this) {
                  timerSet = false;
                }
                pass(screened::tick);
              },
              after.toNanos(),
              TimeUnit.NANOSECONDS);
    }

    private void completed(DisclosedAnswer answer) {
      ScreenedStream.Step rest;
      synchronized (this) {
        if (ended) {
          return;
        }
        ended = true;
        rest = screened.complete(answer.text());
        rest.events().forEach(emitter::emit);
      }
      if (rest.withheld()) {
        withheld();
        return;
      }
      List<Source> sources = Grounding.sources(ask.passages(), answer.text());
      replies
          .storeAi(turn, replyId, answer, sources, null, Screening.flags(screened.findings(), null))
          .map(r -> completeEvents(r, ask.disclosure(), false))
          .orElseGet(() -> List.of(new StreamEvent.Fallback(replies.auditFailed(turn, replyId))))
          .forEach(emitter::emit);
      emitter.complete();
    }

    private void withheld() {
      emitter.emit(new StreamEvent.Fallback(replies.withheld(turn, replyId, screened.written(), screened.findings())));
      emitter.complete();
    }

    private void failed(Throwable failure) {
      synchronized (this) {
        if (ended) {
          return;
        }
        ended = true;
      }
      emitter.emit(new StreamEvent.Fallback(replies.excerpt(turn, replyId, ask.passages(), failure)));
      emitter.complete();
    }

    private void cancel() {
      Optional.ofNullable(upstream.get()).ifPresent(Cancellable::cancel);
    }
  }

  /**
   * The audit entry naming the responsible human is written before the model is even asked: no
   * model text reaches a citizen without one.
   */
  private Multi<StreamEvent> audited(Turn turn, AskModel ask) {
    return Uni.createFrom()
        .item(() -> replies.start(turn, ask.disclosure().model()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToMulti(
            replyId ->
                replyId
                    .map(id -> Multi.createFrom().<StreamEvent>emitter(emitter -> new Relay(turn, ask, id, emitter).start()))
                    .orElseGet(() -> Multi.createFrom().item(new StreamEvent.Fallback(replies.auditFailed(turn)))));
  }

  /** One place in line per conversation. */
  private static String lineKey(Turn turn) {
    return turn.conversation().id().toString();
  }

  /** Storing blocks: leave the model client's thread. */
  private static void offload(Runnable work) {
    Infrastructure.getDefaultWorkerPool().execute(work);
  }

  /** {@code disclosure} null: a staff-written answer, delivered whole in {@code done}. */
  private static List<StreamEvent> completeEvents(ChatReply reply, Disclosure disclosure, boolean withText) {
    List<StreamEvent> events = new ArrayList<>();
    if (withText && disclosure != null) {
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
        .orElseGet(() -> new TurnResult(replies.auditFailed(turn), Optional.empty()));
  }

}

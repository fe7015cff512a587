package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.disclosure.Responsible;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.LanguageDetection;
import at.leoben.assistant.review.ApprovedAnswers;
import at.leoben.assistant.guard.InputGuard;
import at.leoben.assistant.guard.InputVerdict;
import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.guard.OutputScreen;
import at.leoben.assistant.guard.SensitiveArea;
import at.leoben.assistant.knowledge.KnowledgeBase;
import at.leoben.assistant.knowledge.KnowledgeConfig;
import at.leoben.assistant.knowledge.RetrievedPassage;
import at.leoben.assistant.llm.ModelEvent;
import at.leoben.assistant.llm.ModelGateway;
import at.leoben.assistant.llm.ModelOutput;
import at.leoben.assistant.llm.ModelUnavailable;
import at.leoben.assistant.privacy.Redactor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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

  record NoKnowledge() implements Plan {}

  record Reuse(ConversationStore.Reusable answer, Disclosure disclosure) implements Plan {}

  /** A clerk's answer for this question; {@code disclosure} is null when staff wrote it. */
  record Approved(ApprovedAnswers.InForce answer, Disclosure disclosure) implements Plan {}

  record AskModel(List<RetrievedPassage> passages, Disclosure disclosure) implements Plan {}

  /** A turn begun and planned. */
  record Prepared(Turn turn, Plan plan) {}

  private final ConversationStore store;
  private final InputGuard inputGuard;
  private final OutputScreen outputScreen;
  private final KnowledgeBase knowledge;
  private final KnowledgeConfig knowledgeConfig;
  private final ModelGateway model;
  private final Disclosures disclosures;
  private final TurnReplies replies;
  private final ApprovedAnswers approvedAnswers;
  private final Redactor redactor;
  private final LanguageDetection languages;
  private final Clock clock;

  TurnService(
      ConversationStore store,
      InputGuard inputGuard,
      OutputScreen outputScreen,
      KnowledgeBase knowledge,
      KnowledgeConfig knowledgeConfig,
      ModelGateway model,
      Disclosures disclosures,
      TurnReplies replies,
      ApprovedAnswers approvedAnswers,
      Redactor redactor,
      LanguageDetection languages,
      Clock clock) {
    this.store = store;
    this.inputGuard = inputGuard;
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
    this.languages = languages;
    this.clock = clock;
  }

  /**
   * {@link #begin} and {@link #plan} with all their reads (conversation, history, approved answer,
   * knowledge, earlier answer) in one read transaction: one connection and one commit per turn
   * instead of one for each look-up.
   */
  @Transactional
  Prepared prepare(ChatRequest request, String headerToken) {
    Turn turn = begin(request, headerToken);
    return new Prepared(turn, plan(turn));
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
    if (turn.questionKey() != null) {
      Optional<ApprovedAnswers.InForce> approved = approvedAnswers.find(turn.questionKey());
      if (approved.isPresent()) {
        return new Approved(approved.get(), approvedDisclosure(approved.get(), turn.conversation().language()));
      }
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

  private Disclosure approvedDisclosure(ApprovedAnswers.InForce answer, Language language) {
    if (!answer.isModelMade()) {
      return null;
    }
    Disclosure original =
        disclosures.restore(
            answer.model(),
            new Responsible(answer.responsibleName(), answer.responsibleRole(), answer.responsibleContact()),
            answer.generatedAt(),
            language);
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
      output = model.answer(Grounding.request(turn, ask.passages()));
    } catch (ModelUnavailable e) {
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
      return Multi.createFrom().emitter(emitter -> relay(turn, ask, emitter));
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
                                new StreamEvent.Fallback(replies.excerpt(turn, ask.passages(), failure)));
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
    emitter.emit(new StreamEvent.Fallback(replies.withheld(turn, screened.written(), screened.findings())));
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
    Optional<ChatReply> reply = replies.storeAi(turn, answer, sources, null, Screening.flags(screened.findings(), null));
    reply
        .map(r -> completeEvents(r, ask.disclosure(), false))
        .orElseGet(() -> List.of(new StreamEvent.Fallback(replies.auditFailed(turn))))
        .forEach(emitter::emit);
    emitter.complete();
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

package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.guard.InputVerdict;
import at.leoben.assistant.guard.SensitiveArea;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.LanguageDetection;
import at.leoben.assistant.knowledge.KnowledgeBase;
import at.leoben.assistant.knowledge.KnowledgeConfig;
import at.leoben.assistant.knowledge.RetrievedPassage;
import at.leoben.assistant.llm.ModelGateway;
import at.leoben.assistant.notice.AiChannel;
import at.leoben.assistant.notice.AiSwitch;
import at.leoben.assistant.privacy.Redactor;
import at.leoben.assistant.review.ApprovedAnswers;
import at.leoben.assistant.understanding.FollowUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The first half of a citizen's turn: input checks → guard → knowledge → the {@link Plan} of what
 * the reply will be. {@link TurnPipeline} runs the plan (model → output screen → disclosure → store
 * and audit → reply); {@link TurnReplies} makes and stores the replies. Whatever fails after the
 * input checks ends in the city's own text or the human channels, never in an error.
 */
@ApplicationScoped
class TurnService {

  /**
   * A validated question and the conversation it continues; {@code plainLanguage}: the citizen
   * asked for the answer in plain language.
   */
  record Turn(String question, String questionKey, ConversationRef conversation, boolean plainLanguage) {}

  /**
   * What a turn will do, decided before anything is sent, so the stream's headers are right. Each
   * plan says which reply it ends in ({@link #events}); {@link TurnPipeline} runs it.
   */
  sealed interface Plan {

    /** The reply's events, in the order the stream sends them; the last is done or fallback. */
    Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run);

    /** The disclosure of the model output the reply will (or may) carry; empty for the city's own texts. */
    default Optional<Disclosure> labelled() {
      return Optional.empty();
    }
  }

  record HandOver() implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.cityText(replies -> replies.handOver(turn));
    }
  }

  record Sensitive(SensitiveArea area) implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.cityText(replies -> replies.sensitive(turn, area));
    }
  }

  record Misuse() implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.cityText(replies -> replies.misuse(turn));
    }
  }

  /** Greetings, thanks, "wer bist du": a kind reply of the service's own, no model call. */
  record SmallTalk() implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.cityText(replies -> replies.smallTalk(turn));
    }
  }

  record NoKnowledge() implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.cityText(replies -> replies.noKnowledge(turn));
    }
  }

  record Reuse(ConversationStore.Reusable answer, Disclosure disclosure) implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.stored(turn, replies -> replies.reuse(turn, this), disclosure);
    }

    @Override
    public Optional<Disclosure> labelled() {
      return Optional.of(disclosure);
    }
  }

  /** A clerk's answer for this question; {@code disclosure} is null when staff wrote it. */
  record Approved(ApprovedAnswers.InForce answer, Disclosure disclosure) implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.stored(turn, replies -> replies.approved(turn, this), disclosure);
    }

    @Override
    public Optional<Disclosure> labelled() {
      return Optional.ofNullable(disclosure);
    }
  }

  record AskModel(List<RetrievedPassage> passages, Disclosure disclosure) implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.askModel(turn, this);
    }

    @Override
    public Optional<Disclosure> labelled() {
      return Optional.of(disclosure);
    }
  }

  /** AI answers are switched off for the turn's channel: the city's own text, no model call. */
  record SwitchedOff(List<RetrievedPassage> passages) implements Plan {
    public Multi<StreamEvent> events(Turn turn, TurnPipeline.Run run) {
      return run.cityText(replies -> replies.switchedOff(turn, passages));
    }
  }

  /** A turn begun and planned. */
  record Prepared(Turn turn, Plan plan) {}

  private final ConversationStore store;
  private final TurnReading reading;
  private final KnowledgeBase knowledge;
  private final KnowledgeConfig knowledgeConfig;
  private final ModelGateway model;
  private final Disclosures disclosures;
  private final ApprovedAnswers approvedAnswers;
  private final Redactor redactor;
  private final AiSwitch aiSwitch;
  private final LanguageDetection languages;
  private final Clock clock;

  TurnService(
      ConversationStore store,
      TurnReading reading,
      KnowledgeBase knowledge,
      KnowledgeConfig knowledgeConfig,
      ModelGateway model,
      Disclosures disclosures,
      ApprovedAnswers approvedAnswers,
      Redactor redactor,
      AiSwitch aiSwitch,
      LanguageDetection languages,
      Clock clock) {
    this.store = store;
    this.reading = reading;
    this.knowledge = knowledge;
    this.knowledgeConfig = knowledgeConfig;
    this.model = model;
    this.disclosures = disclosures;
    this.approvedAnswers = approvedAnswers;
    this.redactor = redactor;
    this.aiSwitch = aiSwitch;
    this.languages = languages;
    this.clock = clock;
  }

  /**
   * {@link #begin} and {@link #plan} each with their reads in one read transaction; between them,
   * outside any transaction, the model's reading of the message (up to its timeout, so it must
   * not hold a database connection).
   */
  Prepared prepare(ChatRequest request, String headerToken, AiChannel channel) {
    if (!aiSwitch.allows(channel) || !reading.modelMayRead()) {
      // No reading (switched off: no model call at all, the reading included): one read
      // transaction for all of it, one connection and one commit per turn.
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Turn turn = begin(request, headerToken);
                return new Prepared(turn, plan(turn, channel, reading.net(turn.question())));
              });
    }
    Turn turn = QuarkusTransaction.requiringNew().call(() -> begin(request, headerToken));
    Understood understood = reading.read(turn);
    return QuarkusTransaction.requiringNew().call(() -> new Prepared(turn, plan(turn, channel, understood)));
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
    List<RetrievedPassage> passages = null; // searched once, when first needed
    if (verdict instanceof InputVerdict.SmallTalk) {
      if (readsLikeTheSafetyNet(turn.conversation().language())) {
        return new SmallTalk();
      }
      passages = retrieve(turn.question(), previous, standalone);
      if (passages.isEmpty()) {
        return new SmallTalk();
      }
    }
    if (turn.questionKey() != null) {
      Optional<ApprovedAnswers.InForce> approved = approvedAnswers.find(turn.questionKey());
      if (approved.isPresent()) {
        return new Approved(approved.get(), approvedDisclosure(approved.get(), turn.conversation().language()));
      }
    }
    if (passages == null) {
      passages = retrieve(turn.question(), previous, standalone);
    }
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
}

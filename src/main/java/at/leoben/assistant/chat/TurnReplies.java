package at.leoben.assistant.chat;

import at.leoben.assistant.admission.ModelBusy;
import at.leoben.assistant.admission.Place;
import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.fallback.AnalogueChannel;
import at.leoben.assistant.fallback.ChannelDirectory;
import at.leoben.assistant.guard.HandOvers;
import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.guard.SensitiveArea;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.knowledge.RetrievedPassage;
import at.leoben.assistant.llm.ModelUnavailable;
import at.leoben.assistant.review.FlagReason;
import at.leoben.assistant.review.FlagRequest;
import at.leoben.assistant.review.ReviewSampling;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes and stores the replies a turn can end in: AI answers (only once stored and audited), the
 * city's excerpts, hand-overs, refusals and fallbacks (stored when possible, delivered regardless).
 */
@ApplicationScoped
class TurnReplies {

  private static final Logger LOG = Logger.getLogger(TurnReplies.class);

  private final ConversationStore store;
  private final HandOvers handOvers;
  private final ChannelDirectory channels;
  private final Texts texts;
  private final ReviewSampling sampling;
  private final SourcesJson sourcesJson;
  private final MeterRegistry meters;

  TurnReplies(
      ConversationStore store,
      HandOvers handOvers,
      ChannelDirectory channels,
      Texts texts,
      ReviewSampling sampling,
      SourcesJson sourcesJson,
      MeterRegistry meters) {
    this.store = store;
    this.handOvers = handOvers;
    this.channels = channels;
    this.texts = texts;
    this.sampling = sampling;
    this.sourcesJson = sourcesJson;
    this.meters = meters;
  }

  /** An answer a clerk approved or corrected; empty when it could not be stored and audited. */
  Optional<ChatReply> approved(TurnService.Turn turn, TurnService.Approved approved) {
    List<Source> sources = sourcesJson.read(approved.answer().sourcesJson());
    UUID replyId = UUID.randomUUID();
    try {
      store.record(TurnRecord.approved(turn, replyId, approved.answer(), approved.disclosure()).sources(sources).build());
    } catch (RuntimeException e) {
      LOG.errorf("Withholding an approved answer: its audit entry could not be written (%s)", e.getClass().getName());
      return Optional.empty();
    }
    count(ReplyKind.HUMAN_APPROVED, ReplyReason.APPROVED_ANSWER);
    meters.counter("assistant.model.calls.saved").increment();
    return Optional.of(
        ChatReply.approved(turn.conversation(), replyId, approved.answer(), approved.disclosure(), sources, channels(turn)));
  }

  Optional<ChatReply> reuse(TurnService.Turn turn, TurnService.Reuse reuse) {
    DisclosedAnswer answer = DisclosedAnswer.reused(reuse.answer().text(), reuse.disclosure());
    Optional<ChatReply> reply =
        storeAi(turn, UUID.randomUUID(), answer, reuse.answer().sources(), reuse.answer().messageId(), List.of());
    reply.ifPresent(r -> meters.counter("assistant.model.calls.saved").increment());
    return reply;
  }

  /**
   * Opens the audit entry of a streamed AI answer before its first word goes out; the id of the
   * reply it will complete, or empty when it could not be written (then no model text may go out).
   */
  Optional<UUID> start(TurnService.Turn turn, String model) {
    UUID replyId = UUID.randomUUID();
    try {
      store.recordStart(turn.conversation(), replyId, turn.question(), model);
      return Optional.of(replyId);
    } catch (RuntimeException e) {
      LOG.errorf("Not streaming an AI answer: its audit entry could not be written (%s)", e.getClass().getName());
      return Optional.empty();
    }
  }

  /**
   * Stores an AI answer with its audit entry (completing the one {@link #start} opened for a
   * streamed answer); empty when that failed (then it is not delivered).
   */
  Optional<ChatReply> storeAi(
      TurnService.Turn turn,
      UUID replyId,
      DisclosedAnswer answer,
      List<Source> sources,
      UUID reusedFrom,
      List<FlagRequest> flags) {
    List<FlagRequest> allFlags = new ArrayList<>(flags);
    sampling.draw().ifPresent(allFlags::add);
    try {
      store.record(TurnRecord.ai(turn, replyId, answer).sources(sources).reusedFrom(reusedFrom).flags(allFlags).build());
    } catch (RuntimeException e) {
      LOG.errorf("Withholding an AI answer: its audit entry could not be written (%s)", e.getClass().getName());
      return Optional.empty();
    }
    count(ReplyKind.AI_GENERATED, null);
    return Optional.of(ChatReply.ai(turn.conversation(), replyId, answer, sources, channels(turn)));
  }

  ChatReply sensitive(TurnService.Turn turn, SensitiveArea area) {
    meters.counter("assistant.handovers", "area", area.key()).increment();
    return fallback(
        turn,
        ReplyReason.SENSITIVE_AREA,
        area.key(),
        handOvers.text(area, turn.conversation().language()),
        null,
        List.of());
  }

  ChatReply misuse(TurnService.Turn turn) {
    return ownText(
        turn,
        ReplyReason.MISUSE,
        "misuse.refusal",
        FlagRequest.flag(FlagReason.MISUSE, "input looks like manipulation or use for something else"));
  }

  ChatReply switchedOff(TurnService.Turn turn, List<RetrievedPassage> passages) {
    return excerpt(turn, UUID.randomUUID(), passages, ReplyReason.AI_SWITCHED_OFF, "excerpt.switched-off", null);
  }

  ChatReply smallTalk(TurnService.Turn turn) {
    return ownText(turn, ReplyReason.SMALL_TALK, "smalltalk.reply");
  }

  ChatReply handOver(TurnService.Turn turn) {
    return ownText(turn, ReplyReason.HUMAN_REQUESTED, "fallback.human-requested");
  }

  /** Where the knowledge has a gap, a clerk may write the answer for the next one who asks. */
  ChatReply noKnowledge(TurnService.Turn turn) {
    return ownText(
        turn,
        ReplyReason.NO_KNOWLEDGE,
        "fallback.no-knowledge",
        FlagRequest.flag(FlagReason.NO_KNOWLEDGE, "retrieval found no passage"));
  }

  /** The city's text under {@code textKey} in the conversation's language, with the channels. */
  private ChatReply ownText(TurnService.Turn turn, ReplyReason reason, String textKey, FlagRequest... flags) {
    return fallback(turn, reason, null, texts.get(turn.conversation().language(), textKey), null, List.of(flags));
  }

  ChatReply auditFailed(TurnService.Turn turn) {
    return auditFailed(turn, UUID.randomUUID());
  }

  ChatReply auditFailed(TurnService.Turn turn, UUID replyId) {
    return fallback(
        turn,
        replyId,
        ReplyReason.AUDIT_FAILED,
        null,
        texts.get(turn.conversation().language(), "fallback.audit-failed"),
        "audit write failed",
        List.of());
  }

  /** The citizen's place in line for the model, in their language. */
  QueuedNotice queued(TurnService.Turn turn, Place place) {
    String text =
        texts.get(turn.conversation().language(), "queued.notice", place.position(), place.estimatedWaitSeconds());
    return new QueuedNotice(place.position(), place.estimatedWaitSeconds(), text);
  }

  /** A severe output-screen finding: the citizen gets the channels, the clerk the answer. */
  ChatReply withheld(TurnService.Turn turn, UUID replyId, String answer, List<OutputFinding> findings) {
    return fallback(
        turn,
        replyId,
        ReplyReason.WITHHELD,
        null,
        texts.get(turn.conversation().language(), "fallback.withheld"),
        "withheld: " + Screening.categories(findings),
        Screening.flags(findings, answer));
  }

  /**
   * The model could not answer, or was not the approved one: the best passages themselves, marked
   * as the city's text.
   */
  ChatReply excerpt(TurnService.Turn turn, List<RetrievedPassage> passages, Throwable cause) {
    return excerpt(turn, UUID.randomUUID(), passages, cause);
  }

  ChatReply excerpt(TurnService.Turn turn, UUID replyId, List<RetrievedPassage> passages, Throwable cause) {
    ReplyReason reason =
        cause instanceof ModelBusy
            ? ReplyReason.MODEL_BUSY
            : cause instanceof ModelUnavailable refused && refused.notApproved()
                ? ReplyReason.MODEL_NOT_APPROVED
                : ReplyReason.MODEL_UNAVAILABLE;
    String failure = cause.getMessage();
    LOG.warnf("Answering with an excerpt of the city's knowledge: %s", failure);
    String intro = reason == ReplyReason.MODEL_BUSY ? "excerpt.busy-intro" : "excerpt.intro";
    return excerpt(turn, replyId, passages, reason, intro, failure);
  }

  private ChatReply excerpt(
      TurnService.Turn turn,
      UUID replyId,
      List<RetrievedPassage> passages,
      ReplyReason reason,
      String introKey,
      String failure) {
    List<RetrievedPassage> shown = passages.subList(0, Math.min(2, passages.size()));
    String text =
        Grounding.excerptText(texts.get(turn.conversation().language(), introKey), shown)
            + "\n\n"
            + handOvers.emergencyNumbers(turn.conversation().language());
    List<Source> sources = Grounding.allSources(shown);
    record(TurnRecord.reply(turn, replyId, ReplyKind.KNOWLEDGE_EXCERPT, reason, text).sources(sources).failure(failure).build());
    count(ReplyKind.KNOWLEDGE_EXCERPT, reason);
    return ChatReply.excerpt(turn.conversation(), replyId, reason, text, sources, channels(turn));
  }

  /** The human channels as the answer. Stored and audited when possible, delivered regardless. */
  private ChatReply fallback(
      TurnService.Turn turn, ReplyReason reason, String area, String text, String failure, List<FlagRequest> flags) {
    return fallback(turn, UUID.randomUUID(), reason, area, text, failure, flags);
  }

  private ChatReply fallback(
      TurnService.Turn turn,
      UUID replyId,
      ReplyReason reason,
      String area,
      String text,
      String failure,
      List<FlagRequest> flags) {
    String questionKey = reason == ReplyReason.NO_KNOWLEDGE ? turn.questionKey() : null;
    record(
        TurnRecord.reply(turn, replyId, ReplyKind.FALLBACK, reason, text)
            .questionKey(questionKey)
            .area(area)
            .failure(failure)
            .flags(flags)
            .build());
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

  private List<AnalogueChannel> channels(TurnService.Turn turn) {
    return channels.channels(turn.conversation().language());
  }

  private void count(ReplyKind kind, ReplyReason reason) {
    meters
        .counter("assistant.turns", "kind", kind.name(), "reason", reason == null ? "NONE" : reason.name())
        .increment();
  }
}

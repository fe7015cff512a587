package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.review.ApprovedAnswers;
import at.leoben.assistant.review.FlagRequest;
import at.leoben.assistant.review.ReplyReviewStatus;
import java.util.List;
import java.util.UUID;

/**
 * Everything one turn stores: the question, the reply, what the audit and the review need. Made
 * with {@link #ai}, {@link #approved} or {@link #reply} and the {@link Builder}'s named steps;
 * whatever a kind of reply does not have stays unset (null, or an empty list).
 */
record TurnRecord(
    ConversationRef conversation,
    String question,
    boolean plainLanguage,
    String questionKey,
    UUID replyId,
    ReplyKind kind,
    ReplyReason reason,
    String area,
    String replyText,
    Disclosure disclosure,
    DisclosedAnswer.Usage usage,
    List<Source> sources,
    String failure,
    UUID reusedFrom,
    List<FlagRequest> flags,
    ReplyReviewStatus reviewStatus,
    String reviewedRole) {

  /** A model's answer, not reviewed yet; the question key lets a later turn reuse it. */
  static Builder ai(TurnService.Turn turn, UUID replyId, DisclosedAnswer answer) {
    Builder record = new Builder(turn, replyId, ReplyKind.AI_GENERATED, null, answer.text());
    record.questionKey = turn.questionKey();
    record.disclosure = answer.disclosure();
    record.usage = answer.usage();
    record.reviewStatus = ReplyReviewStatus.NOT_REVIEWED;
    return record;
  }

  /** An answer a clerk approved or corrected, given again; {@code disclosure} null if staff-written. */
  static Builder approved(TurnService.Turn turn, UUID replyId, ApprovedAnswers.InForce answer, Disclosure disclosure) {
    Builder record =
        new Builder(turn, replyId, ReplyKind.HUMAN_APPROVED, ReplyReason.APPROVED_ANSWER, answer.text());
    // Kept so that a clerk who rejects this reply later can withdraw the answer for the question.
    record.questionKey = turn.questionKey();
    record.disclosure = disclosure;
    record.reusedFrom = answer.sourceMessageId();
    record.reviewStatus = ReplyReviewStatus.of(answer.decision());
    record.reviewedRole = answer.approvedRole();
    return record;
  }

  /** A reply without model text (a fallback, the city's excerpt): its kind, why, and its text. */
  static Builder reply(TurnService.Turn turn, UUID replyId, ReplyKind kind, ReplyReason reason, String text) {
    return new Builder(turn, replyId, kind, reason, text);
  }

  /** The optional parts, each set by name. */
  static final class Builder {
    private final TurnService.Turn turn;
    private final UUID replyId;
    private final ReplyKind kind;
    private final ReplyReason reason;
    private final String text;
    private String questionKey;
    private String area;
    private Disclosure disclosure;
    private DisclosedAnswer.Usage usage;
    private List<Source> sources = List.of();
    private String failure;
    private UUID reusedFrom;
    private List<FlagRequest> flags = List.of();
    private ReplyReviewStatus reviewStatus;
    private String reviewedRole;

    private Builder(TurnService.Turn turn, UUID replyId, ReplyKind kind, ReplyReason reason, String text) {
      this.turn = turn;
      this.replyId = replyId;
      this.kind = kind;
      this.reason = reason;
      this.text = text;
    }

    /** Only where the reply may stand for its question (reuse, a clerk's answer for a gap). */
    Builder questionKey(String questionKey) {
      this.questionKey = questionKey;
      return this;
    }

    /** The sensitive area of a hand-over. */
    Builder area(String area) {
      this.area = area;
      return this;
    }

    Builder sources(List<Source> sources) {
      this.sources = List.copyOf(sources);
      return this;
    }

    /** Why the assistant could not answer (for the audit), e.g. {@code STALLED: …}. */
    Builder failure(String failure) {
      this.failure = failure;
      return this;
    }

    /** The stored AI answer this one repeats. */
    Builder reusedFrom(UUID messageId) {
      this.reusedFrom = messageId;
      return this;
    }

    Builder flags(List<FlagRequest> flags) {
      this.flags = List.copyOf(flags);
      return this;
    }

    TurnRecord build() {
      return new TurnRecord(
          turn.conversation(),
          turn.question(),
          turn.plainLanguage(),
          questionKey,
          replyId,
          kind,
          reason,
          area,
          text,
          disclosure,
          usage,
          sources,
          failure,
          reusedFrom,
          flags,
          reviewStatus,
          reviewedRole);
    }
  }
}

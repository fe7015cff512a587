package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.review.ApprovedAnswers;
import at.leoben.assistant.review.FlagRequest;
import java.util.List;
import java.util.UUID;

/** Everything one turn stores: the question, the reply, what the audit and the review need. */
record TurnRecord(
    ConversationRef conversation,
    String question,
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
    String reviewStatus,
    String reviewedRole,
    boolean plainLanguage) {

  static TurnRecord ai(
      TurnService.Turn turn,
      UUID replyId,
      DisclosedAnswer answer,
      List<Source> sources,
      UUID reusedFrom,
      List<FlagRequest> flags) {
    return new TurnRecord(
        turn.conversation(),
        turn.question(),
        turn.questionKey(),
        replyId,
        ReplyKind.AI_GENERATED,
        null,
        null,
        answer.text(),
        answer.disclosure(),
        answer.usage(),
        sources,
        null,
        reusedFrom,
        flags,
        ChatReply.NOT_REVIEWED,
        null,
        turn.plainLanguage());
  }

  /** An answer a clerk approved or corrected, given again; {@code disclosure} null if staff-written. */
  static TurnRecord approved(
      TurnService.Turn turn, UUID replyId, ApprovedAnswers.InForce answer, Disclosure disclosure, List<Source> sources) {
    return new TurnRecord(
        turn.conversation(),
        turn.question(),
        // Kept so that a clerk who rejects this reply later can withdraw the answer for the question.
        turn.questionKey(),
        replyId,
        ReplyKind.HUMAN_APPROVED,
        ReplyReason.APPROVED_ANSWER,
        null,
        answer.text(),
        disclosure,
        null,
        sources,
        null,
        answer.sourceMessageId(),
        List.of(),
        answer.decision().name(),
        answer.approvedRole(),
        turn.plainLanguage());
  }

  /** {@code questionKey} only where a clerk's answer could fill the gap (no knowledge). */
  static TurnRecord notAi(
      TurnService.Turn turn,
      String questionKey,
      UUID replyId,
      ReplyKind kind,
      ReplyReason reason,
      String area,
      String text,
      List<Source> sources,
      String failure,
      List<FlagRequest> flags) {
    return new TurnRecord(
        turn.conversation(),
        turn.question(),
        questionKey,
        replyId,
        kind,
        reason,
        area,
        text,
        null,
        null,
        sources,
        failure,
        null,
        flags,
        null,
        null,
        turn.plainLanguage());
  }
}

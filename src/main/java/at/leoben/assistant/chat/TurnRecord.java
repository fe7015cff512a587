package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.Disclosure;
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
    List<FlagRequest> flags) {

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
        flags);
  }

  static TurnRecord notAi(
      TurnService.Turn turn,
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
        null,
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
        flags);
  }
}

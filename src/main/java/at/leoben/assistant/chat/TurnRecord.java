package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.Disclosure;
import java.util.List;
import java.util.UUID;

/** Everything one turn stores: the question, the reply, and what the audit needs about it. */
record TurnRecord(
    ConversationRef conversation,
    String question,
    String questionKey,
    UUID replyId,
    ReplyKind kind,
    ReplyReason reason,
    String replyText,
    Disclosure disclosure,
    DisclosedAnswer.Usage usage,
    List<Source> sources,
    String failure,
    UUID reusedFrom) {

  static TurnRecord ai(
      TurnService.Turn turn, UUID replyId, DisclosedAnswer answer, List<Source> sources, UUID reusedFrom) {
    return new TurnRecord(
        turn.conversation(),
        turn.question(),
        turn.questionKey(),
        replyId,
        ReplyKind.AI_GENERATED,
        null,
        answer.text(),
        answer.disclosure(),
        answer.usage(),
        sources,
        null,
        reusedFrom);
  }

  static TurnRecord notAi(
      TurnService.Turn turn,
      UUID replyId,
      ReplyKind kind,
      ReplyReason reason,
      String text,
      List<Source> sources,
      String failure) {
    return new TurnRecord(
        turn.conversation(), turn.question(), null, replyId, kind, reason, text, null, null, sources, failure, null);
  }
}

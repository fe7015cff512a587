package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.Disclosure;
import java.util.UUID;

/** Everything one turn stores: the question, the reply, and what the audit needs about it. */
record TurnRecord(
    ConversationRef conversation,
    String question,
    UUID replyId,
    ReplyKind kind,
    ReplyReason reason,
    String replyText,
    Disclosure disclosure,
    DisclosedAnswer.Usage usage,
    String failure) {

  static TurnRecord ai(ConversationRef conversation, String question, UUID replyId, DisclosedAnswer answer) {
    return new TurnRecord(
        conversation,
        question,
        replyId,
        ReplyKind.AI_GENERATED,
        null,
        answer.text(),
        answer.disclosure(),
        answer.usage(),
        null);
  }

  static TurnRecord fallback(
      ConversationRef conversation, String question, UUID replyId, ReplyReason reason, String text, String failure) {
    return new TurnRecord(conversation, question, replyId, ReplyKind.FALLBACK, reason, text, null, null, failure);
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.web.HasText;
import at.leoben.assistant.web.MaxLength;

/**
 * A citizen's turn. {@code conversationToken} may come in the body or, like for GET and DELETE,
 * in the {@code X-Conversation-Token} header. {@code plainLanguage} (optional, per turn) asks for
 * an answer in plain language ("Einfache Sprache" / plain English).
 */
public record ChatRequest(
    @HasText(message = "problem.message.blank")
        @MaxLength(property = "assistant.chat.max-message-length", message = "problem.message.too-long")
        String message,
    String conversationId,
    String conversationToken,
    Language language,
    Boolean plainLanguage) {

  boolean wantsPlainLanguage() {
    return Boolean.TRUE.equals(plainLanguage);
  }
}

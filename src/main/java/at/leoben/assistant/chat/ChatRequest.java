package at.leoben.assistant.chat;

import at.leoben.assistant.i18n.Language;

/**
 * A citizen's turn. {@code conversationToken} may come in the body or, like for GET and DELETE,
 * in the {@code X-Conversation-Token} header.
 */
public record ChatRequest(
    String message, String conversationId, String conversationToken, Language language) {}

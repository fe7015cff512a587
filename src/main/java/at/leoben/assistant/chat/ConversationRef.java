package at.leoben.assistant.chat;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.llm.PromptTurn;
import java.util.List;
import java.util.UUID;

/**
 * The conversation a turn belongs to; {@code isNew} until its first reply is stored. {@code
 * previous} is the last question and how it was answered (null in a new conversation).
 */
record ConversationRef(UUID id, String token, boolean isNew, Language language, List<PromptTurn> history, Previous previous) {
  ConversationRef {
    history = List.copyOf(history);
  }

  ConversationRef(UUID id, String token, boolean isNew, Language language, List<PromptTurn> history) {
    this(id, token, isNew, language, history, null);
  }

  /**
   * The citizen's previous question (with the questions it followed up, when it was a follow-up
   * itself), and the area it was handed over to (null when it was not).
   */
  record Previous(String question, String handedOverArea) {}
}

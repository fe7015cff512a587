package at.leoben.assistant.chat;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.llm.PromptTurn;
import java.util.List;
import java.util.UUID;

/** The conversation a turn belongs to; {@code isNew} until its first reply is stored. */
record ConversationRef(UUID id, String token, boolean isNew, Language language, List<PromptTurn> history) {
  ConversationRef {
    history = List.copyOf(history);
  }
}

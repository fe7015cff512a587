package at.leoben.assistant.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code assistant.chat.*}: limits of a citizen's turn and of the model's memory. */
@ConfigMapping(prefix = "assistant.chat")
interface ChatConfig {

  @WithDefault("2000")
  int maxMessageLength();

  /** How many earlier messages (questions and AI answers) a follow-up turn gives the model. */
  @WithDefault("8")
  int historyMessages();
}

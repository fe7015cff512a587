package at.leoben.assistant.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code assistant.chat.*}: limits of a citizen's turn, the model's memory, how long conversations are kept. */
@ConfigMapping(prefix = "assistant.chat")
public interface ChatConfig {

  @WithDefault("2000")
  int maxMessageLength();

  /** How many earlier messages (questions and AI answers) a follow-up turn gives the model. */
  @WithDefault("8")
  int historyMessages();

  /** Conversations untouched for this many days are deleted. */
  @WithDefault("90")
  int retentionDays();

  /** When the nightly retention runs (Quartz cron, Vienna time). */
  @WithDefault("0 30 3 * * ?")
  String retentionSchedule();
}

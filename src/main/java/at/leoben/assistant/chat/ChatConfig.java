package at.leoben.assistant.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code assistant.chat.*}: limits of a citizen's turn, the model's memory, how long conversations are kept. */
@ConfigMapping(prefix = "assistant.chat")
public interface ChatConfig {

  @WithDefault("2000")
  int maxMessageLength();

  /** How many earlier messages (questions and AI answers) a follow-up turn gives the model. */
  @WithDefault("8")
  int historyMessages();

  /**
   * A streamed sentence that runs on is released (past the output screen) once this many
   * characters are held back, so a citizen is not kept waiting for its end.
   */
  @WithDefault("240")
  int streamHoldBackChars();

  /** ... or once the oldest held-back text has waited this long. */
  @WithDefault("3s")
  Duration streamHoldBackTime();

  /** Conversations untouched for this many days are deleted. */
  @WithDefault("90")
  int retentionDays();

  /** When the nightly retention runs (Quartz cron, Vienna time). */
  @WithDefault("0 30 3 * * ?")
  String retentionSchedule();
}

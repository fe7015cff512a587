package at.leoben.assistant.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The crisis controls ({@code assistant.notice.*}). */
@ConfigMapping(prefix = "assistant.notice")
public interface NoticeConfig {

  /**
   * How often every instance re-reads the notice and the AI switch from the database: the longest
   * a change made at another instance takes to show here.
   */
  @WithDefault("2s")
  Duration refresh();

  /** The longest notice text per language, in characters. */
  @WithDefault("500")
  int maxLength();
}

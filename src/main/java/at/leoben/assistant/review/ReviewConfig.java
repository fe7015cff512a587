package at.leoben.assistant.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code assistant.review.*}: the regular sample, limits of what clerks write, metrics. */
@ConfigMapping(prefix = "assistant.review")
public interface ReviewConfig {

  /** Share of AI answers that go to the queue for the regular review (0 to 1). */
  @WithDefault("0.05")
  double sampleRate();

  @WithDefault("1000")
  int maxCommentLength();

  @WithDefault("4000")
  int maxCorrectionLength();

  /** How often the backlog gauges are read from the database (they also refresh on changes). */
  @WithDefault("30s")
  Duration metricsRefresh();
}

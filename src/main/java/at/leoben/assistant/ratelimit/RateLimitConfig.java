package at.leoben.assistant.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Per-client limits of the citizen API, shared by all instances through PostgreSQL. */
@ConfigMapping(prefix = "assistant.rate-limit")
public interface RateLimitConfig {

  @WithDefault("true")
  boolean enabled();

  /** Questions (chat and stream together) per client. */
  Chat chat();

  /** Ratings and comments per client. */
  Feedback feedback();

  /**
   * Secret for hashing client addresses (ASSISTANT_RATE_LIMIT_HASH_KEY, at least 32 characters),
   * the same on every instance. Without it each instance makes its own, and limits count per
   * instance.
   */
  Optional<String> hashKey();

  /** How often buckets of clients that went quiet are deleted. */
  @WithDefault("10m")
  Duration cleanupInterval();

  interface Chat {
    @WithDefault("10")
    int perMinute();

    @WithDefault("100")
    int perHour();
  }

  interface Feedback {
    @WithDefault("30")
    int perHour();
  }
}

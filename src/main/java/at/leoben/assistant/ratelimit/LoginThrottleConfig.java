package at.leoben.assistant.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code assistant.staff.login.throttle.*}: how many wrong passwords, and how long a lock-out lasts. */
@ConfigMapping(prefix = "assistant.staff.login.throttle")
public interface LoginThrottleConfig {

  @WithDefault("true")
  boolean enabled();

  /** Wrong passwords for one account from one client. */
  @WithDefault("5")
  int failuresPerAccountAndClient();

  /** Wrong passwords from one client, whatever account it tries. */
  @WithDefault("20")
  int failuresPerClient();

  /** Wrong passwords for one account from clients it does not know. */
  @WithDefault("50")
  int failuresPerAccount();

  /** How long a lock-out lasts at most (from the first failure it counts). */
  @WithDefault("15m")
  Duration lockTime();

  /** How long a client that signed in stays known to the account. */
  @WithDefault("90d")
  Duration rememberClients();
}

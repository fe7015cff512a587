package at.leoben.assistant.staff;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A sign-in refused before its password was checked: too many wrong ones. Quarkus' failed
 * authentication (a final class) carries the seconds until the next try as an attribute.
 */
final class LoginLocked {

  private static final String RETRY_AFTER = "assistant.login.retry-after-seconds";

  private LoginLocked() {}

  static AuthenticationFailedException forSeconds(long seconds) {
    return new AuthenticationFailedException("too many failed sign-ins", Map.of(RETRY_AFTER, seconds));
  }

  /** The seconds until the next try, when the failure was a lock-out. */
  static OptionalLong retryAfter(Throwable failure) {
    if (failure instanceof AuthenticationFailedException failed && failed.getAttribute(RETRY_AFTER) instanceof Long seconds) {
      return OptionalLong.of(seconds);
    }
    return OptionalLong.empty();
  }
}

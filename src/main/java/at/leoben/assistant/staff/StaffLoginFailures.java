package at.leoben.assistant.staff;

import at.leoben.assistant.web.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.OptionalLong;

/**
 * What a failed sign-in answers. The staff API: a 401 problem detail asking for Basic credentials,
 * or a 429 with Retry-After while the client is locked out. The login form: its page, with a
 * German notice how long the lock-out lasts. Quarkus itself would answer the API with an empty
 * 401 (authentication runs before REST, where the problem mappers live).
 */
@ApplicationScoped
class StaffLoginFailures {

  private static final String FORM_POST = "/j_security_check";

  private final Problems problems;

  StaffLoginFailures(Problems problems) {
    this.problems = problems;
  }

  void register(@Observes Router router) {
    router.route().failureHandler(this::handle);
  }

  private void handle(RoutingContext context) {
    if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
      context.next();
      return;
    }
    OptionalLong locked = LoginLocked.retryAfter(context.failure());
    String path = context.normalizedPath();
    if (path.equals(FORM_POST) || path.startsWith("/staff")) {
      if (locked.isPresent()) {
        // Relative: the Host header is not echoed into a redirect.
        context.response().setStatusCode(302).putHeader("Location", "/staff/login?locked=" + minutes(locked.getAsLong())).end();
      } else {
        context.next();
      }
      return;
    }
    if (locked.isPresent()) {
      context.response().putHeader("Retry-After", String.valueOf(locked.getAsLong()));
      problems.send(context, 429, "problem.login-locked.title", "problem.login-locked", minutes(locked.getAsLong()));
    } else {
      context.response().putHeader("WWW-Authenticate", "Basic realm=\"Buergerassistent\"");
      problems.send(context, 401, "problem.unauthorized.title", "problem.unauthorized");
    }
  }

  private static long minutes(long seconds) {
    return Math.max(1, (seconds + 59) / 60);
  }
}

package at.leoben.assistant.ratelimit;

import at.leoben.assistant.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the per-client limits to the citizen API's costly requests: questions (they may reach
 * the model) and feedback. The client address is the one Quarkus reports, i.e. the forwarded one
 * behind a trusted proxy (QUARKUS_HTTP_PROXY_*).
 */
public class RateLimitFilter {

  private static final Pattern FEEDBACK = Pattern.compile("/api/v1/messages/[^/]+/feedback");

  private final RateLimits limits;

  RateLimitFilter(RateLimits limits) {
    this.limits = limits;
  }

  @ServerRequestFilter
  void limit(ContainerRequestContext request, HttpServerRequest http) {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    kind(request.getUriInfo().getPath())
        .ifPresent(
            kind ->
                limits
                    .take(kind, http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress())
                    .ifPresent(seconds -> {
                      throw ProblemException.tooManyRequests(seconds);
                    }));
  }

  private static Optional<RateLimits.Kind> kind(String path) {
    if (path.equals("/api/v1/chat") || path.equals("/api/v1/chat/stream")) {
      return Optional.of(RateLimits.Kind.CHAT);
    }
    if (FEEDBACK.matcher(path).matches()) {
      return Optional.of(RateLimits.Kind.FEEDBACK);
    }
    return Optional.empty();
  }
}

package at.leoben.assistant.ratelimit;

import at.leoben.assistant.web.ClientAddresses;
import at.leoben.assistant.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the per-client limits to the resource methods marked {@link RateLimited}. It runs after
 * the request was matched to its method, so every spelling of a path that reaches the method
 * counts, and spellings that reach none are 404s that cost nothing.
 */
public class RateLimitFilter {

  private final RateLimits limits;
  private final ClientAddresses clients;

  RateLimitFilter(RateLimits limits, ClientAddresses clients) {
    this.limits = limits;
    this.clients = clients;
  }

  @ServerRequestFilter
  void limit(ResourceInfo resource, HttpServerRequest http) {
    Method method = resource.getResourceMethod();
    RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
    if (limited == null) {
      return;
    }
    limits.take(limited.value(), clients.of(http)).ifPresent(seconds -> {
      throw ProblemException.tooManyRequests(seconds);
    });
  }
}

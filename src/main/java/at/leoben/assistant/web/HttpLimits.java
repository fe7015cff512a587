package at.leoben.assistant.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The HTTP layer's refusals as problem details: an address, headers or a body over the limit
 * (414, 431, 413) and whatever else the router refuses with a 4xx. Vert.x answers these itself
 * with an empty body, so the HTTP parser's own limits are set higher (application.properties) and
 * the service's limits are enforced here, before anything else runs. A request the parser cannot
 * read at all (beyond those higher limits, not HTTP, or a path with a malformed %-escape, which
 * Vert.x refuses before any route) still gets Vert.x's bare status: Quarkus offers no hook there.
 */
@ApplicationScoped
public class HttpLimits {

  /** Runs before Quarkus' own body-size check (route order -2). */
  private static final int FIRST = 10_000;

  private final HttpLimitsConfig limits;
  private final long maxBody;
  private final Problems problems;

  // quarkus.http.limits.max-body-size belongs to Quarkus: one setting for both checks.
  public HttpLimits(HttpLimitsConfig limits, Config config, Problems problems) {
    this.limits = limits;
    this.maxBody = config.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
        .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    this.problems = problems;
  }

  void register(@Observes Filters filters) {
    filters.register(this::check, FIRST);
  }

  void register(@Observes Router router) {
    router.route().last().failureHandler(this::refused);
  }

  private void check(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (request.uri().length() > limits.maxUriLength()) {
      refuse(context, 414, "problem.uri-too-long.title", "problem.uri-too-long");
    } else if (headerBytes(request) > limits.maxHeaderSize().asLongValue()) {
      refuse(context, 431, "problem.headers-too-large.title", "problem.headers-too-large");
    } else if (contentLength(request) > maxBody) {
      refuse(context, 413, "problem.too-large.title", "problem.too-large");
    } else {
      context.next();
    }
  }

  /** A 4xx a route failed with before REST (e.g. a chunked body over the limit), which no REST mapper saw. */
  private void refused(RoutingContext context) {
    int status = context.statusCode() < 0 ? 400 : context.statusCode();
    if (context.response().ended() || context.response().headWritten() || status < 400 || status > 499) {
      context.next();
      return;
    }
    problems.send(context, status, "problem.validation.title", "problem.request.invalid");
  }

  private void refuse(RoutingContext context, int status, String titleKey, String detailKey) {
    context.response().putHeader("Connection", "close");
    problems.send(context, status, titleKey, detailKey);
  }

  private static long headerBytes(HttpServerRequest request) {
    long size = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      size += header.getKey().length() + header.getValue().length() + 4;
    }
    return size;
  }

  private static long contentLength(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    try {
      return length == null ? 0 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

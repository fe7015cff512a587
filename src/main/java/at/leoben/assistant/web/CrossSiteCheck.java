package at.leoben.assistant.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses state-changing staff requests that a browser sent from another site. A browser that
 * cached Basic credentials sends them with any request, also a {@code text/plain} POST from a
 * foreign page (no CORS preflight needed). Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, else {@code Origin}); API clients such as curl send neither and pass.
 */
public class CrossSiteCheck {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final List<String> STAFF_PATHS = List.of("/api/v1/admin", "/api/v1/reviews", "/staff");

  @ServerRequestFilter(preMatching = true)
  void refuseForeignOrigins(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (SAFE_METHODS.contains(request.getMethod()) || STAFF_PATHS.stream().noneMatch(path::startsWith)) {
      return;
    }
    String site = request.getHeaderString("Sec-Fetch-Site");
    boolean foreign = site != null
        ? !site.equals("same-origin") && !site.equals("none")
        : isForeign(request.getHeaderString("Origin"), request.getHeaderString("Host"));
    if (foreign) {
      throw new ProblemException(
          jakarta.ws.rs.core.Response.Status.FORBIDDEN, "problem.forbidden.title", "problem.cross-site");
    }
  }

  /** An Origin whose host and port differ from the Host the browser sent the request to. */
  private static boolean isForeign(String origin, String host) {
    if (origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return host == null || uri.getHost() == null || !authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}

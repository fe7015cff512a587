package at.leoben.assistant.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS for the citizen API only, and only for the configured origins (read at run time, unlike
 * Quarkus' own CORS settings, which are fixed at build time). Staff and admin APIs never get it.
 */
public class CitizenCors {

  private static final String ORIGIN = "Origin";
  private static final List<String> CITIZEN_PATHS =
      List.of("/api/v1/chat", "/api/v1/messages/", "/api/v1/conversations/", "/api/v1/cases/", "/api/v1/channels",
          "/api/v1/transparency", "/api/v1/notice", "/api/v1/ai-switch", "/api/v1/languages");

  private final Set<String> allowed;

  public CitizenCors(WidgetConfig config) {
    this.allowed = Set.copyOf(config.allowedOrigins().orElse(List.of()));
  }

  /** Answers a preflight from an allowed origin; others get no CORS headers, so browsers refuse. */
  @ServerRequestFilter(preMatching = true)
  public Response preflight(ContainerRequestContext request) {
    if (!"OPTIONS".equals(request.getMethod()) || allowedOrigin(request) == null) {
      return null;
    }
    return Response.noContent()
        .header("Access-Control-Allow-Origin", allowedOrigin(request))
        .header("Access-Control-Allow-Methods", "GET, POST, DELETE")
        .header("Access-Control-Allow-Headers", "Content-Type, Accept, X-Conversation-Token, X-Assistant-Channel")
        .header("Access-Control-Max-Age", "3600")
        .header("Vary", ORIGIN)
        .build();
  }

  @ServerResponseFilter
  public void allow(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = allowedOrigin(request);
    if (origin != null) {
      response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
      response.getHeaders().putSingle("Access-Control-Expose-Headers", "AI-Disclosure");
      response.getHeaders().add("Vary", ORIGIN);
    }
  }

  private String allowedOrigin(ContainerRequestContext request) {
    String origin = request.getHeaderString(ORIGIN);
    String path = request.getUriInfo().getPath();
    if (origin == null || !allowed.contains(origin) || CITIZEN_PATHS.stream().noneMatch(path::startsWith)) {
      return null;
    }
    return origin;
  }
}

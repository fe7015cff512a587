package at.leoben.assistant.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose address (path or query) holds a control character, e.g. {@code %00}:
 * no identifier, filter or page number of this service has one, and PostgreSQL cannot even
 * compare such text. Before matching, so that no resource ever sees it.
 */
public class AddressCheck {

  @ServerRequestFilter(preMatching = true)
  void refuseControlCharacters(ContainerRequestContext request) {
    String raw = request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery();
    if (InputText.hasControlCharacters(decoded(raw))) {
      throw ProblemException.badRequest("problem.request.control-characters");
    }
  }

  private static String decoded(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A malformed escape is not this check's business; the router answers it.
      return raw;
    }
  }
}

package at.leoben.assistant.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every API request an id that its log lines carry ({@code requestId} in the JSON log) and
 * that the response returns as {@code X-Request-Id}, so an operator can follow one request without
 * any personal data. A well-formed id from the city's proxy is kept; anything else is replaced.
 */
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @ServerRequestFilter(preMatching = true)
  void assign(ContainerRequestContext request) {
    String given = request.getHeaderString(HEADER);
    String id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    request.setProperty(MDC_KEY, id);
    MDC.put(MDC_KEY, id);
  }

  @ServerResponseFilter
  void echo(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(MDC_KEY);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
    MDC.remove(MDC_KEY);
  }
}

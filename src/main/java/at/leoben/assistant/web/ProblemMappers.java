package at.leoben.assistant.web;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.oidc.OIDCException;
import jakarta.validation.ConstraintViolationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into {@code application/problem+json} with a German (or, on request via
 * Accept-Language, English) message. Nothing the client sent is echoed back or logged.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final Texts texts;
  private final Problems problems;

  public ProblemMappers(Texts texts, Problems problems) {
    this.texts = texts;
    this.problems = problems;
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
    Response problem = render(e.status(), e.titleKey(), e.detailKey(), e.items(), headers, uri, e.arguments());
    if (e.retryAfterSeconds() > 0) {
      return Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds()).build();
    }
    return problem;
  }

  /** Bean Validation of a request record or parameter: the first violation, and all of them as errors. */
  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
    if (Violations.onReturnValue(e)) {
      return internal(e, headers, uri);
    }
    Language language = languageOf(headers);
    List<Violations.Message> messages = Violations.of(e);
    List<Problem.Item> items =
        messages.stream().map(m -> new Problem.Item(m.subject(), texts.get(language, m.key(), m.arguments()))).toList();
    Violations.Message first = messages.get(0);
    return render(Status.BAD_REQUEST, "problem.validation.title", first.key(), items, headers, uri, first.arguments());
  }

  /** A body that is no JSON, or JSON of the wrong shape or type, e.g. {@code {"rating": 1}}. */
  @ServerExceptionMapper
  public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
    return problem(JsonProblems.of(e), headers, uri);
  }

  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
    return problem(JsonProblems.of(e), headers, uri);
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
    Response problem =
        render(Status.UNAUTHORIZED, "problem.unauthorized.title", "problem.unauthorized", headers, uri);
    return Response.fromResponse(problem).header("WWW-Authenticate", "Basic realm=\"Buergerassistent\"").build();
  }

  /** The city's identity provider cannot be reached, so a bearer token cannot be checked. */
  @ServerExceptionMapper
  public Response identityProviderDown(OIDCException e, HttpHeaders headers, UriInfo uri) {
    LOG.warnf("The identity provider is not available: %s", e.getClass().getName());
    return render(
        Status.SERVICE_UNAVAILABLE, "problem.identity-provider.title", "problem.identity-provider", headers, uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
    return render(Status.FORBIDDEN, "problem.forbidden.title", "problem.forbidden", headers, uri);
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
    return render(Status.NOT_FOUND, "problem.not-found.title", "problem.not-found", headers, uri);
  }

  @ServerExceptionMapper
  public Response notAllowed(NotAllowedException e, HttpHeaders headers, UriInfo uri) {
    return render(Status.METHOD_NOT_ALLOWED, "problem.method.title", "problem.method", headers, uri);
  }

  @ServerExceptionMapper
  public Response unsupported(NotSupportedException e, HttpHeaders headers, UriInfo uri) {
    return render(
        Status.UNSUPPORTED_MEDIA_TYPE, "problem.media-type.title", "problem.media-type", headers, uri);
  }

  @ServerExceptionMapper
  public Response notAcceptable(NotAcceptableException e, HttpHeaders headers, UriInfo uri) {
    return render(
        Status.NOT_ACCEPTABLE, "problem.not-acceptable.title", "problem.not-acceptable", headers, uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status == Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
      return render(Status.REQUEST_ENTITY_TOO_LARGE, "problem.too-large.title", "problem.too-large", headers, uri);
    }
    if (status >= 500) {
      return internal(e, headers, uri);
    }
    return render(Status.fromStatusCode(status), "problem.validation.title", "problem.request.invalid", headers, uri);
  }

  @ServerExceptionMapper
  public Response internal(Throwable e, HttpHeaders headers, UriInfo uri) {
    LOG.errorf(e, "Unexpected error on %s", uri.getPath());
    return render(Status.INTERNAL_SERVER_ERROR, "problem.internal.title", "problem.internal", headers, uri);
  }

  private Response render(
      Status status, String titleKey, String detailKey, HttpHeaders headers, UriInfo uri, Object... args) {
    return render(status, titleKey, detailKey, null, headers, uri, args);
  }

  private Response render(
      Status status,
      String titleKey,
      String detailKey,
      List<Problem.Item> items,
      HttpHeaders headers,
      UriInfo uri,
      Object... args) {
    return problems.of(status.getStatusCode(), titleKey, detailKey, items, languageOf(headers), uri.getPath(), args)
        .toResponse();
  }

  private static Language languageOf(HttpHeaders headers) {
    return Language.preferred(headers.getAcceptableLanguages());
  }

}

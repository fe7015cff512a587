package at.leoben.assistant.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error a client receives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String instance, List<Item> errors) {

  /** One of several things wrong with a request, e.g. a file of an import and why. */
  public record Item(String subject, String reason) {}

  public static final String MEDIA_TYPE = "application/problem+json";

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}

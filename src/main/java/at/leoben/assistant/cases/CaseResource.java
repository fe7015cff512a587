package at.leoben.assistant.cases;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The citizen reads or withdraws their case, with the conversation's token. */
@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

  /** The conversation's token, as the conversation endpoints take it. */
  static final String TOKEN_HEADER = "X-Conversation-Token";

  private final CitizenCases cases;
  private final CaseMetrics metrics;

  public CaseResource(CitizenCases cases, CaseMetrics metrics) {
    this.cases = cases;
    this.metrics = metrics;
  }

  @GET
  public CaseView get(@PathParam("caseId") String caseId, @HeaderParam(TOKEN_HEADER) String token) {
    return cases.show(caseId, token);
  }

  @DELETE
  public Response delete(@PathParam("caseId") String caseId, @HeaderParam(TOKEN_HEADER) String token) {
    cases.delete(caseId, token);
    metrics.refresh();
    return Response.noContent().build();
  }
}

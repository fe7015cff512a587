package at.leoben.assistant.cases;

import at.leoben.assistant.ratelimit.RateLimited;
import at.leoben.assistant.ratelimit.RateLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The citizen hands their conversation's question to an office, with the conversation's token. */
@Path("/api/v1/conversations/{id}/handover")
@Produces(MediaType.APPLICATION_JSON)
public class HandoverResource {


  private final CitizenCases cases;
  private final CaseMetrics metrics;

  public HandoverResource(CitizenCases cases, CaseMetrics metrics) {
    this.cases = cases;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RateLimited(RateLimits.Kind.FEEDBACK)
  public Response handover(
      @PathParam("id") String conversationId,
      @HeaderParam(CaseResource.TOKEN_HEADER) String token,
      @NotNull(message = "problem.case.consent") @Valid HandoverInput input) {
    HandoverReceipt receipt = cases.handover(conversationId, token, input);
    metrics.refresh();
    return Response.status(Response.Status.CREATED).entity(receipt).build();
  }
}

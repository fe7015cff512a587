package at.leoben.assistant.review;

import at.leoben.assistant.ratelimit.RateLimited;
import at.leoben.assistant.ratelimit.RateLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A citizen rates a reply (no login: the reply's id is known only to its conversation). */
@Path("/api/v1/messages/{messageId}/feedback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

  private final CitizenFeedback feedback;
  private final ReviewMetrics metrics;

  public FeedbackResource(CitizenFeedback feedback, ReviewMetrics metrics) {
    this.feedback = feedback;
    this.metrics = metrics;
  }

  @POST
  @RateLimited(RateLimits.Kind.FEEDBACK)
  public Response rate(
      @PathParam("messageId") UUID messageId,
      @NotNull(message = "problem.feedback.rating") @Valid FeedbackInput input) {
    FeedbackReceipt receipt = feedback.rate(messageId, input);
    if (receipt.queuedForReview()) {
      metrics.refresh();
    }
    return Response.status(Response.Status.CREATED).entity(receipt).build();
  }
}

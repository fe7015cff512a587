package at.leoben.assistant.review;

import at.leoben.assistant.staff.StaffMember;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The review queue for clerks (and admins) as JSON; the same operations as the staff UI. */
@Path("/api/v1/reviews")
@RolesAllowed({StaffMember.CLERK, StaffMember.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

  private final ReviewQueue queue;
  private final ApprovedAnswers approvedAnswers;
  private final ReviewMetrics metrics;
  private final SecurityIdentity identity;

  public ReviewResource(
      ReviewQueue queue, ApprovedAnswers approvedAnswers, ReviewMetrics metrics, SecurityIdentity identity) {
    this.queue = queue;
    this.approvedAnswers = approvedAnswers;
    this.metrics = metrics;
    this.identity = identity;
  }

  @GET
  public ReviewViews.Page list(
      @QueryParam("status") String status,
      @QueryParam("reason") String reason,
      @QueryParam("minAge") String minAge,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return queue.list(ReviewFilter.parse(status, reason, minAge, page, size));
  }

  @GET
  @Path("/{id}")
  public ReviewViews.Detail get(@PathParam("id") UUID id) {
    return queue.detail(id);
  }

  @POST
  @Path("/{id}/claim")
  public ReviewViews.Detail claim(@PathParam("id") UUID id) {
    return changed(queue.claim(id, StaffMember.of(identity)));
  }

  @DELETE
  @Path("/{id}/claim")
  public ReviewViews.Detail release(@PathParam("id") UUID id) {
    return changed(queue.release(id, StaffMember.of(identity)));
  }

  @POST
  @Path("/{id}/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReviewViews.Detail decide(@PathParam("id") UUID id, DecisionInput input) {
    return changed(queue.decide(id, input, StaffMember.of(identity)));
  }

  @GET
  @Path("/approved-answers")
  public List<ApprovedAnswers.InForce> approvedAnswers(
      @QueryParam("withdrawn") @Pattern(regexp = "true|false", message = "problem.approved.withdrawn") String withdrawn) {
    return approvedAnswers.list(Boolean.parseBoolean(withdrawn));
  }

  @DELETE
  @Path("/approved-answers/{id}")
  @RolesAllowed(StaffMember.ADMIN)
  public ApprovedAnswers.InForce withdraw(@PathParam("id") UUID id) {
    return approvedAnswers.withdraw(id, StaffMember.of(identity));
  }

  private ReviewViews.Detail changed(ReviewViews.Detail detail) {
    metrics.refresh();
    return detail;
  }
}

package at.leoben.assistant.cases;

import at.leoben.assistant.staff.StaffMember;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The cases of the clerk's offices as JSON; the same operations as the staff UI's inbox. */
@Path("/api/v1/admin/cases")
@RolesAllowed({StaffMember.CLERK, StaffMember.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CaseAdminResource {

  private final CaseDesk desk;
  private final CaseMetrics metrics;
  private final SecurityIdentity identity;

  public CaseAdminResource(CaseDesk desk, CaseMetrics metrics, SecurityIdentity identity) {
    this.desk = desk;
    this.metrics = metrics;
    this.identity = identity;
  }

  @GET
  public CaseDeskViews.Inbox list(@QueryParam("office") String office, @QueryParam("status") String status) {
    return desk.inbox(me(), office, status);
  }

  @GET
  @Path("/{id}")
  public CaseDeskViews.Detail get(@PathParam("id") UUID id) {
    return desk.detail(id, me());
  }

  @POST
  @Path("/{id}/claim")
  public CaseDeskViews.Detail claim(@PathParam("id") UUID id) {
    return changed(desk.claim(id, me()));
  }

  @POST
  @Path("/{id}/reply")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDeskViews.Detail reply(
      @PathParam("id") UUID id, @NotNull(message = "problem.case.reply-empty") @Valid DeskInput.Reply input) {
    return changed(desk.reply(id, input, me()));
  }

  @POST
  @Path("/{id}/forward")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDeskViews.Detail forward(
      @PathParam("id") UUID id, @NotNull(message = "problem.case.office-unknown") @Valid DeskInput.Forward input) {
    return changed(desk.forward(id, input, me()));
  }

  @POST
  @Path("/{id}/close")
  @Consumes(MediaType.APPLICATION_JSON)
  public CaseDeskViews.Detail close(
      @PathParam("id") UUID id, @NotNull(message = "problem.case.outcome-empty") @Valid DeskInput.Close input) {
    return changed(desk.close(id, input, me()));
  }

  private CaseDeskViews.Detail changed(CaseDeskViews.Detail detail) {
    metrics.refresh();
    return detail;
  }

  private StaffMember me() {
    return StaffMember.of(identity);
  }
}

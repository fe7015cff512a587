package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.staff.StaffMember;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** What changed on the sources' pages, with diffs; editors (admins) apply or reject what waits. */
@Path("/api/v1/admin/knowledge/changes")
@RolesAllowed(StaffMember.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ChangeAdminResource {

  private static final int MAX_LISTED = 200;

  private final Changes changes;
  private final SecurityIdentity identity;

  public ChangeAdminResource(Changes changes, SecurityIdentity identity) {
    this.changes = changes;
    this.identity = identity;
  }

  /** Newest first; {@code status}: pending, applied, rejected, superseded. */
  @GET
  public List<ChangeView> list(@QueryParam("status") String status, @QueryParam("source") UUID source) {
    return changes.list(status == null || status.isBlank() ? null : status, source, MAX_LISTED);
  }

  @GET
  @Path("/{id}")
  public ChangeView get(@PathParam("id") UUID id) {
    return changes.get(id);
  }

  @POST
  @Path("/{id}/approve")
  public ChangeView approve(@PathParam("id") UUID id) {
    return changes.approve(id, StaffMember.of(identity));
  }

  @POST
  @Path("/{id}/reject")
  public ChangeView reject(@PathParam("id") UUID id) {
    return changes.reject(id, StaffMember.of(identity));
  }
}

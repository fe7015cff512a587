package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.staff.StaffMember;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/** Knowledge sources (websites, PDFs) for admins: register, list, fetch now, remove. */
@Path("/api/v1/admin/knowledge/sources")
@RolesAllowed(StaffMember.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SourceAdminResource {

  private final SourceAdmin admin;
  private final SecurityIdentity identity;

  public SourceAdminResource(SourceAdmin admin, SecurityIdentity identity) {
    this.admin = admin;
    this.identity = identity;
  }

  @GET
  public List<SourceView> list() {
    return admin.list();
  }

  /** 201 with the source; its first crawl follows at the schedule's next tick (or POST …/crawl). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(SourceInput input, UriInfo uri) {
    SourceView created = admin.register(input, StaffMember.of(identity));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
  }

  @GET
  @Path("/{id}")
  public SourceView get(@PathParam("id") UUID id) {
    return admin.get(id);
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") UUID id) {
    admin.delete(id, StaffMember.of(identity));
    return Response.noContent().build();
  }

  /** Fetches the source now: 202, the crawl runs in the background; its report shows on the source. */
  @POST
  @Path("/{id}/crawl")
  public Response crawl(@PathParam("id") UUID id) {
    return Response.accepted(admin.crawlNow(id, StaffMember.of(identity))).build();
  }
}

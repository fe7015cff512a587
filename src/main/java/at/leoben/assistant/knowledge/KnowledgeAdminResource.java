package at.leoben.assistant.knowledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/** The knowledge base for admins of the Digital.Team. */
@Path("/api/v1/admin/knowledge")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeAdminResource {

  private final KnowledgeAdmin admin;

  public KnowledgeAdminResource(KnowledgeAdmin admin) {
    this.admin = admin;
  }

  @GET
  public List<DocumentView> list(@QueryParam("stale") boolean onlyStale) {
    return admin.list(onlyStale);
  }

  /** The retrieval inspector: what the knowledge base finds for a question, and why. */
  @GET
  @Path("/inspect")
  public Inspection inspect(@QueryParam("q") String question) {
    return admin.inspect(question);
  }

  @GET
  @Path("/{id}")
  public DocumentView get(@PathParam("id") UUID id) {
    return admin.get(id);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(DocumentInput input, UriInfo uri) {
    DocumentView created = admin.create(input);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public DocumentView update(@PathParam("id") UUID id, DocumentInput input) {
    return admin.update(id, input);
  }

  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") UUID id) {
    admin.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("/import")
  public KnowledgeImporter.Report importFolder() {
    return admin.importFolder();
  }
}

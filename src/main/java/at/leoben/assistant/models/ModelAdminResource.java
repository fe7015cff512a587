package at.leoben.assistant.models;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Approved models and the configured model's state, for admins (operators see it in /q/health/well). */
@Path("/api/v1/admin/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelAdminResource {

  private final ModelAdministration models;

  public ModelAdminResource(ModelAdministration models) {
    this.models = models;
  }

  @GET
  @RolesAllowed("admin")
  public ModelsView list() {
    return models.view();
  }

  @POST
  @Path("/check")
  @RolesAllowed("admin")
  public ModelsView check() {
    return models.checkNow();
  }
}

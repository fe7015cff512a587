package at.leoben.assistant.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Admins manage the local staff accounts (clerks, admins, operators). */
@Path("/api/v1/admin/staff")
@RolesAllowed(StaffMember.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class StaffAdminResource {

  private final StaffAccounts accounts;

  public StaffAdminResource(StaffAccounts accounts) {
    this.accounts = accounts;
  }

  @GET
  public List<StaffAccountView> list() {
    return accounts.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull(message = "problem.staff.username") @Valid StaffAccountInput input) {
    return Response.status(Response.Status.CREATED).entity(accounts.create(input)).build();
  }

  @DELETE
  @Path("/{username}")
  public Response delete(@PathParam("username") String username) {
    accounts.delete(username);
    return Response.noContent().build();
  }
}

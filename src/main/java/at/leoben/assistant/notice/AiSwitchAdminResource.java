package at.leoben.assistant.notice;

import at.leoben.assistant.staff.StaffMember;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The AI switch as JSON for admins: each channel's state with the recent changes, and a change
 * (off or on, with a required reason), audited with the caller's name and role.
 */
@Path("/api/v1/admin/ai-switch")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StaffMember.ADMIN)
public class AiSwitchAdminResource {

  private final AiSwitch aiSwitch;
  private final SecurityIdentity identity;

  public AiSwitchAdminResource(AiSwitch aiSwitch, SecurityIdentity identity) {
    this.aiSwitch = aiSwitch;
    this.identity = identity;
  }

  @GET
  public AiSwitch.View state() {
    return aiSwitch.view();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public AiSwitch.View change(AiSwitchInput input) {
    return aiSwitch.change(input, StaffMember.of(identity));
  }
}

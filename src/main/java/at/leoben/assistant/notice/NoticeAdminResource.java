package at.leoben.assistant.notice;

import at.leoben.assistant.staff.StaffMember;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The crisis controls as JSON: the notice (admins and operators) and the AI switch (admins). Every
 * change is audited with the caller's name and role; the staff page does the same.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StaffMember.ADMIN)
public class NoticeAdminResource {

  /** The notice showing now (if any) and every notice, newest first. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NoticeState(Notice current, List<Notice> history) {}

  private final Notices notices;
  private final AiSwitch aiSwitch;
  private final SecurityIdentity identity;

  public NoticeAdminResource(Notices notices, AiSwitch aiSwitch, SecurityIdentity identity) {
    this.notices = notices;
    this.aiSwitch = aiSwitch;
    this.identity = identity;
  }

  @GET
  @Path("/notice")
  @RolesAllowed({StaffMember.ADMIN, StaffMember.OPERATOR})
  public NoticeState notice() {
    return new NoticeState(notices.shown().orElse(null), notices.history());
  }

  @PUT
  @Path("/notice")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({StaffMember.ADMIN, StaffMember.OPERATOR})
  public Notice setNotice(NoticeInput input) {
    return notices.set(input, StaffMember.of(identity));
  }

  @DELETE
  @Path("/notice")
  @RolesAllowed({StaffMember.ADMIN, StaffMember.OPERATOR})
  public Notice endNotice() {
    return notices.end(StaffMember.of(identity));
  }

  @GET
  @Path("/ai-switch")
  public AiSwitch.View aiSwitch() {
    return aiSwitch.view();
  }

  @PUT
  @Path("/ai-switch")
  @Consumes(MediaType.APPLICATION_JSON)
  public AiSwitch.View changeAiSwitch(AiSwitchInput input) {
    return aiSwitch.change(input, StaffMember.of(identity));
  }
}

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
 * The notice as JSON for admins: set (replacing the one before), end, read with its history. Every
 * change is audited with the caller's name and role; the staff page does the same. Admins and
 * operators (who are on call when the storm comes at night) may set it; the AI switch stays with admins.
 */
@Path("/api/v1/admin/notice")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({StaffMember.ADMIN, StaffMember.OPERATOR})
public class NoticeAdminResource {

  /** The notice showing now (if any) and every notice, newest first. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NoticeState(Notice current, List<Notice> history) {}

  private final Notices notices;
  private final SecurityIdentity identity;

  public NoticeAdminResource(Notices notices, SecurityIdentity identity) {
    this.notices = notices;
    this.identity = identity;
  }

  @GET
  public NoticeState notice() {
    return new NoticeState(notices.shown().orElse(null), notices.history());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Notice set(NoticeInput input) {
    return notices.set(input, StaffMember.of(identity));
  }

  @DELETE
  public Notice end() {
    return notices.end(StaffMember.of(identity));
  }
}

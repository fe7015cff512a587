package at.leoben.assistant.gaps;

import at.leoben.assistant.staff.StaffMember;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The knowledge gaps as JSON, the same as the staff page shows ({@code weeks}: 1, 4, 8, 12 or 26). */
@Path("/api/v1/admin/gaps")
@RolesAllowed(StaffMember.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class GapResource {

  private final KnowledgeGaps gaps;

  public GapResource(KnowledgeGaps gaps) {
    this.gaps = gaps;
  }

  @GET
  public List<Gap> list(@QueryParam("weeks") String weeks) {
    return gaps.lastWeeks(GapPages.weeks(weeks));
  }
}

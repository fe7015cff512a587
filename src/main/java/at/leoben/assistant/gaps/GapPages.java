package at.leoben.assistant.gaps;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.PageText;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.staff.StaffMember;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The "Wissenslücken" page for editors (admins): what citizens asked that the knowledge could not answer. */
@Path("/staff/gaps")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffMember.ADMIN)
public class GapPages {

  static final List<Integer> PERIODS = List.of(1, 4, 8, 12, 26);
  static final int DEFAULT_WEEKS = 8;

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance gaps(PageText t, StaffMember me, List<Gap> gaps, List<Integer> periods, int weeks);
  }

  private final KnowledgeGaps gaps;
  private final Texts texts;
  private final SecurityIdentity identity;

  public GapPages(KnowledgeGaps gaps, Texts texts, SecurityIdentity identity) {
    this.gaps = gaps;
    this.texts = texts;
    this.identity = identity;
  }

  @GET
  public TemplateInstance page(@QueryParam("weeks") String weeks, HttpHeaders headers) {
    int period = weeks(weeks);
    PageText t = new PageText(texts, Language.preferred(headers.getAcceptableLanguages()));
    return Templates.gaps(t, StaffMember.of(identity), gaps.lastWeeks(period), PERIODS, period);
  }

  /** One of the offered periods; anything else is the default. */
  static int weeks(String weeks) {
    try {
      int value = Integer.parseInt(weeks == null ? "" : weeks.strip());
      return PERIODS.contains(value) ? value : DEFAULT_WEEKS;
    } catch (NumberFormatException e) {
      return DEFAULT_WEEKS;
    }
  }
}

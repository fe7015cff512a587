package at.leoben.assistant.cases;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.PageText;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import at.leoben.assistant.web.Violations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The "Anliegen" inbox of the staff UI: server-rendered (Qute escapes every value), plain forms
 * with the CSRF token, the same operations as {@code /api/v1/admin/cases}.
 */
@Path("/staff/cases")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({StaffMember.CLERK, StaffMember.ADMIN})
public class CasePages {

  static final List<String> STATUSES = List.of("OPEN", "CLAIMED", "ANSWERED", "CLOSED", "all");
  static final List<String> CHANNELS = List.of("widget", "email", "phone");
  private static final Set<String> SAVED = Set.of("claimed", "answered", "forwarded", "closed");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance inbox(
        PageText t, StaffMember me, CaseDeskViews.Inbox inbox, String office, String status, List<String> statuses, List<Offices.Office> offices, String error);

    static native TemplateInstance item(
        PageText t, StaffMember me, CaseDeskViews.Detail item, List<Offices.Office> offices, List<String> channels, ActionForm form, String error, String notice);
  }

  /** What the clerk entered, kept when the step is refused. */
  public record ActionForm(String text, String channel, String office, String comment, String outcome) {
    static final ActionForm EMPTY = new ActionForm("", null, null, "", "");
  }

  private final CaseDesk desk;
  private final Offices offices;
  private final CaseMetrics metrics;
  private final Texts texts;
  private final SecurityIdentity identity;
  private final Validator validator;

  public CasePages(
      CaseDesk desk, Offices offices, CaseMetrics metrics, Texts texts, SecurityIdentity identity, Validator validator) {
    this.desk = desk;
    this.offices = offices;
    this.metrics = metrics;
    this.texts = texts;
    this.identity = identity;
    this.validator = validator;
  }

  @GET
  public Response inbox(@QueryParam("office") String office, @QueryParam("status") String status, HttpHeaders headers) {
    PageText t = text(headers);
    try {
      CaseDeskViews.Inbox inbox = desk.inbox(me(), office, status);
      return Response.ok(Templates.inbox(t, me(), inbox, office, status, STATUSES, mine(), null)).build();
    } catch (ProblemException e) {
      CaseDeskViews.Inbox inbox = desk.inbox(me(), null, null);
      return Response.status(e.status())
          .entity(Templates.inbox(t, me(), inbox, null, null, STATUSES, mine(), t.message(e.detailKey(), e.arguments())))
          .build();
    }
  }

  @GET
  @Path("/item")
  public Response item(@QueryParam("id") String id, @QueryParam("done") String done, HttpHeaders headers) {
    PageText t = text(headers);
    CaseDeskViews.Detail detail = desk.detail(parseId(id), me());
    String notice = done != null && SAVED.contains(done) ? t.get("staff.case.saved." + done) : null;
    return Response.ok(Templates.item(t, me(), detail, offices.all(), CHANNELS, ActionForm.EMPTY, null, notice)).build();
  }

  @POST
  @Path("/item/claim")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response claim(@FormParam("id") String id, HttpHeaders headers) {
    UUID caseId = parseId(id);
    return act(caseId, "claimed", ActionForm.EMPTY, headers, () -> desk.claim(caseId, me()));
  }

  @POST
  @Path("/item/reply")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reply(
      @FormParam("id") String id, @FormParam("text") String text, @FormParam("channel") String channel, HttpHeaders headers) {
    UUID caseId = parseId(id);
    DeskInput.Reply input = new DeskInput.Reply(text, channel);
    return act(caseId, "answered", new ActionForm(text, channel, null, "", ""), headers, () -> desk.reply(caseId, valid(input), me()));
  }

  @POST
  @Path("/item/forward")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response forward(
      @FormParam("id") String id, @FormParam("office") String office, @FormParam("comment") String comment, HttpHeaders headers) {
    UUID caseId = parseId(id);
    DeskInput.Forward input = new DeskInput.Forward(office, comment);
    return act(caseId, "forwarded", new ActionForm("", null, office, comment, ""), headers, () -> desk.forward(caseId, valid(input), me()));
  }

  @POST
  @Path("/item/close")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response close(@FormParam("id") String id, @FormParam("outcome") String outcome, HttpHeaders headers) {
    UUID caseId = parseId(id);
    DeskInput.Close input = new DeskInput.Close(outcome);
    return act(caseId, "closed", new ActionForm("", null, null, "", outcome), headers, () -> desk.close(caseId, valid(input), me()));
  }

  /** A step: back to the case with a notice (POST-redirect-GET), or the case with why it was refused. */
  private Response act(UUID caseId, String done, ActionForm form, HttpHeaders headers, Supplier<CaseDeskViews.Detail> step) {
    try {
      step.get();
      metrics.refresh();
      return Response.seeOther(URI.create("/staff/cases/item?id=" + caseId + "&done=" + done)).build();
    } catch (ProblemException e) {
      return refused(caseId, e, form, headers);
    } catch (ConstraintViolationException e) {
      Violations.Message first = Violations.of(e).get(0);
      return refused(caseId, ProblemException.badRequest(first.key(), first.arguments()), form, headers);
    }
  }

  private Response refused(UUID caseId, ProblemException e, ActionForm form, HttpHeaders headers) {
    PageText t = text(headers);
    CaseDeskViews.Detail detail = desk.detail(caseId, me());
    return Response.status(e.status())
        .entity(Templates.item(t, me(), detail, offices.all(), CHANNELS, form, t.message(e.detailKey(), e.arguments()), null))
        .build();
  }

  private <T> T valid(T input) {
    var violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return input;
  }

  private List<Offices.Office> mine() {
    List<String> keys = offices.of(me());
    return offices.all().stream().filter(o -> keys.contains(o.key())).toList();
  }

  private StaffMember me() {
    return StaffMember.of(identity);
  }

  private PageText text(HttpHeaders headers) {
    return new PageText(texts, Language.preferred(headers.getAcceptableLanguages()));
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id == null ? "" : id.strip());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Response.Status.NOT_FOUND, "problem.case.not-found.title", "problem.case.not-found");
    }
  }
}

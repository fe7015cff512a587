package at.leoben.assistant.review;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.PageText;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.staff.StaffSessions;
import at.leoben.assistant.web.ProblemException;
import at.leoben.assistant.web.Violations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The clerks' review queue in the browser: server-rendered (Qute escapes every value), plain
 * forms with a CSRF token, the same operations as {@code /api/v1/reviews}.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

  static final String SESSION_COOKIE = "ba-staff";
  static final List<String> REASONS = Stream.of(FlagReason.values()).map(FlagReason::name).toList();
  static final List<String> AGES = List.of("PT1H", "PT24H", "P7D");
  static final List<String> DECISIONS = List.of("approve", "correct", "reject");
  static final List<ReviewStatus> STATUSES = List.of(ReviewStatus.values());
  private static final List<String> SAVED = List.of("claimed", "released", "decided");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance login(PageText t, boolean failed, Integer lockedMinutes);

    static native TemplateInstance queue(
        PageText t,
        StaffMember me,
        ReviewViews.Page page,
        QueueForm filter,
        List<ReviewStatus> statuses,
        List<String> reasons,
        List<String> ages,
        String error);

    static native TemplateInstance item(
        PageText t,
        StaffMember me,
        ReviewViews.Detail item,
        DecisionForm form,
        List<String> decisions,
        String error,
        String notice);
  }

  /** The filter as the clerk set it, to show it again. */
  public record QueueForm(String status, String reason, String minAge) {}

  /** What the clerk entered, kept when the decision is refused. */
  public record DecisionForm(String decision, String comment, String correctedText) {}

  private final ReviewQueue queue;
  private final ReviewMetrics metrics;
  private final Texts texts;
  private final SecurityIdentity identity;
  private final StaffSessions sessions;

  public StaffPages(
      ReviewQueue queue, ReviewMetrics metrics, Texts texts, SecurityIdentity identity, StaffSessions sessions) {
    this.queue = queue;
    this.metrics = metrics;
    this.texts = texts;
    this.identity = identity;
    this.sessions = sessions;
  }

  @GET
  @Path("/login")
  @PermitAll
  public TemplateInstance login(@QueryParam("error") String error, @QueryParam("locked") String locked, HttpHeaders headers) {
    // Only a number of minutes is shown, so the page repeats nothing else from its address.
    Integer minutes = locked != null && locked.matches("\\d{1,4}") ? Integer.valueOf(locked) : null;
    return Templates.login(text(headers), error != null, minutes);
  }

  @GET
  @RolesAllowed({StaffMember.CLERK, StaffMember.ADMIN})
  public Response queue(
      @QueryParam("status") String status,
      @QueryParam("reason") String reason,
      @QueryParam("minAge") String minAge,
      @QueryParam("page") String page,
      HttpHeaders headers) {
    PageText t = text(headers);
    QueueForm form = new QueueForm(status, reason, minAge);
    try {
      ReviewViews.Page result = queue.list(ReviewFilter.parse(status, reason, minAge, page, null));
      return Response.ok(Templates.queue(t, me(), result, form, STATUSES, REASONS, AGES, null)).build();
    } catch (ProblemException e) {
      ReviewViews.Page empty = queue.list(ReviewFilter.openItems());
      return Response.status(e.status())
          .entity(Templates.queue(t, me(), empty, new QueueForm(null, null, null), STATUSES, REASONS, AGES, t.message(e.detailKey(), e.arguments())))
          .build();
    }
  }

  @GET
  @Path("/item")
  @RolesAllowed({StaffMember.CLERK, StaffMember.ADMIN})
  public Response item(@QueryParam("id") String id, @QueryParam("done") String done, HttpHeaders headers) {
    PageText t = text(headers);
    ReviewViews.Detail detail = queue.detail(parseId(id));
    String notice = done != null && SAVED.contains(done) ? t.get("staff.item.saved." + done) : null;
    return Response.ok(Templates.item(t, me(), detail, prefilled(detail), DECISIONS, null, notice)).build();
  }

  @POST
  @Path("/item/claim")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed({StaffMember.CLERK, StaffMember.ADMIN})
  public Response claim(@FormParam("id") String id, HttpHeaders headers) {
    return act(id, "claimed", queue::claim, headers);
  }

  @POST
  @Path("/item/release")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed({StaffMember.CLERK, StaffMember.ADMIN})
  public Response release(@FormParam("id") String id, HttpHeaders headers) {
    return act(id, "released", queue::release, headers);
  }

  /** Claim or release: back to the item with a notice, or the item with why it was refused. */
  private Response act(
      String id, String done, BiFunction<UUID, StaffMember, ReviewViews.Detail> action, HttpHeaders headers) {
    UUID itemId = parseId(id);
    try {
      action.apply(itemId, me());
      metrics.refresh();
      return backTo(itemId, done);
    } catch (ProblemException e) {
      return refused(itemId, e, null, headers);
    }
  }

  @POST
  @Path("/item/decide")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed({StaffMember.CLERK, StaffMember.ADMIN})
  public Response decide(
      @FormParam("id") String id,
      @FormParam("version") String version,
      @FormParam("decision") String decision,
      @FormParam("comment") String comment,
      @FormParam("correctedText") String correctedText,
      HttpHeaders headers) {
    UUID itemId = parseId(id);
    DecisionForm form = new DecisionForm(decision, comment, correctedText);
    try {
      queue.decide(itemId, new DecisionInput(decision, comment, correctedText, parseVersion(version)), me());
      metrics.refresh();
      return backTo(itemId, "decided");
    } catch (ProblemException e) {
      return refused(itemId, e, form, headers);
    } catch (ConstraintViolationException e) {
      Violations.Message first = Violations.of(e).get(0);
      return refused(itemId, ProblemException.badRequest(first.key(), first.arguments()), form, headers);
    }
  }

  /**
   * Ends the staff session on every instance (a copy of its cookies no longer opens /staff) and
   * removes the form login's cookies.
   */
  @POST
  @Path("/logout")
  @Authenticated
  public Response logout(@CookieParam(StaffSessions.COOKIE) String session) {
    sessions.end(session);
    return Response.seeOther(URI.create("/staff/login")).cookie(expired(SESSION_COOKIE), expired(StaffSessions.COOKIE)).build();
  }

  private static NewCookie expired(String name) {
    return new NewCookie.Builder(name).path("/").maxAge(0).httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
  }

  private Response refused(UUID itemId, ProblemException e, DecisionForm form, HttpHeaders headers) {
    PageText t = text(headers);
    ReviewViews.Detail detail = queue.detail(itemId);
    return Response.status(e.status())
        .entity(Templates.item(t, me(), detail, form == null ? prefilled(detail) : form, DECISIONS, t.message(e.detailKey(), e.arguments()), null))
        .build();
  }

  private static DecisionForm prefilled(ReviewViews.Detail detail) {
    String text = detail.correctedText() != null ? detail.correctedText() : detail.reply() == null ? "" : detail.reply().text();
    return new DecisionForm(null, "", text);
  }

  private static Response backTo(UUID itemId, String done) {
    return Response.seeOther(URI.create("/staff/item?id=" + itemId + "&done=" + done)).build();
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
      throw new ProblemException(Response.Status.NOT_FOUND, "problem.not-found.title", "problem.review.not-found");
    }
  }

  private static Integer parseVersion(String version) {
    try {
      return version == null ? null : Integer.valueOf(version.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

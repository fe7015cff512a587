package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.PageText;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.knowledge.Inspection;
import at.leoben.assistant.knowledge.KnowledgeBase;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.UUID;

/**
 * The knowledge sources in the staff UI for admins: sources with their last crawl and a form to add
 * one, the changes with their diffs to apply or reject, and the retrieval inspector. Server-rendered
 * (Qute escapes every value, also what the crawled pages say), plain forms with a CSRF token.
 */
@Path("/staff/knowledge")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffMember.ADMIN)
public class SourcePages {

  private static final int MAX_QUESTION = 2000;
  private static final List<String> STATUSES = List.of("pending", "applied", "rejected", "superseded");
  private static final List<String> SAVED = List.of("added", "crawling", "applied", "rejected");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance sources(
        PageText t, StaffMember me, List<SourceView> sources, SourceInput form, String error, String notice);

    static native TemplateInstance changes(
        PageText t, StaffMember me, List<ChangeView> changes, List<String> statuses, String status, String error, String notice);

    static native TemplateInstance inspect(
        PageText t, StaffMember me, String question, Inspection inspection, String error);
  }

  private final SourceAdmin admin;
  private final Changes changes;
  private final KnowledgeBase knowledge;
  private final Texts texts;
  private final SecurityIdentity identity;

  public SourcePages(SourceAdmin admin, Changes changes, KnowledgeBase knowledge, Texts texts, SecurityIdentity identity) {
    this.admin = admin;
    this.changes = changes;
    this.knowledge = knowledge;
    this.texts = texts;
    this.identity = identity;
  }

  @GET
  @Path("/sources")
  public TemplateInstance sources(@QueryParam("done") String done, HttpHeaders headers) {
    PageText t = text(headers);
    return Templates.sources(t, me(), admin.list(), new SourceInput("web", "", "", "editor"), null, done != null && SAVED.contains(done) ? t.get("staff.sources.saved." + done) : null);
  }

  @POST
  @Path("/sources")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(
      @FormParam("type") String type,
      @FormParam("url") String url,
      @FormParam("schedule") String schedule,
      @FormParam("approval") String approval,
      HttpHeaders headers) {
    SourceInput form = new SourceInput(type, url, schedule, approval);
    try {
      admin.register(form, me());
      return Response.seeOther(URI.create("/staff/knowledge/sources?done=added")).build();
    } catch (ProblemException e) {
      PageText t = text(headers);
      return Response.status(e.status())
          .entity(Templates.sources(t, me(), admin.list(), form, t.message(e.detailKey(), e.arguments()), null))
          .build();
    }
  }

  @POST
  @Path("/sources/crawl")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response crawl(@FormParam("id") String id, HttpHeaders headers) {
    try {
      admin.crawlNow(parseId(id, "problem.source.not-found"), me());
      return Response.seeOther(URI.create("/staff/knowledge/sources?done=crawling")).build();
    } catch (ProblemException e) {
      PageText t = text(headers);
      return Response.status(e.status())
          .entity(
              Templates.sources(
                  t, me(), admin.list(), new SourceInput("web", "", "", "editor"), t.message(e.detailKey(), e.arguments()), null))
          .build();
    }
  }

  @GET
  @Path("/changes")
  public TemplateInstance changes(
      @QueryParam("status") String status, @QueryParam("source") String source, @QueryParam("done") String done, HttpHeaders headers) {
    PageText t = text(headers);
    String shown = status != null && STATUSES.contains(status) ? status : "pending";
    return Templates.changes(t, me(), list(shown, source), STATUSES, shown, null, done != null && SAVED.contains(done) ? t.get("staff.sources.saved." + done) : null);
  }

  @POST
  @Path("/changes/approve")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response approve(@FormParam("id") String id, HttpHeaders headers) {
    return decide(id, true, headers);
  }

  @POST
  @Path("/changes/reject")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reject(@FormParam("id") String id, HttpHeaders headers) {
    return decide(id, false, headers);
  }

  @GET
  @Path("/inspect")
  public Response inspect(@QueryParam("q") String question, HttpHeaders headers) {
    PageText t = text(headers);
    if (question == null || question.isBlank()) {
      return Response.ok(Templates.inspect(t, me(), null, null, null)).build();
    }
    if (question.length() > MAX_QUESTION) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Templates.inspect(t, me(), null, null, t.message("problem.inspect.too-long", new Object[] {MAX_QUESTION})))
          .build();
    }
    return Response.ok(Templates.inspect(t, me(), question, knowledge.inspect(question.strip()), null)).build();
  }

  private Response decide(String id, boolean approve, HttpHeaders headers) {
    try {
      UUID changeId = parseId(id, "problem.change.not-found");
      if (approve) {
        changes.approve(changeId, me());
      } else {
        changes.reject(changeId, me());
      }
      return Response.seeOther(URI.create("/staff/knowledge/changes?done=" + (approve ? "applied" : "rejected"))).build();
    } catch (ProblemException e) {
      PageText t = text(headers);
      return Response.status(e.status())
          .entity(Templates.changes(t, me(), list("pending", null), STATUSES, "pending", t.message(e.detailKey(), e.arguments()), null))
          .build();
    }
  }

  private List<ChangeView> list(String status, String source) {
    UUID sourceId = null;
    if (source != null && !source.isBlank()) {
      try {
        sourceId = UUID.fromString(source.strip());
      } catch (IllegalArgumentException e) {
        sourceId = null; // an unreadable filter shows all sources
      }
    }
    return changes.list(status, sourceId, 100);
  }


  private static UUID parseId(String id, String notFound) {
    try {
      return UUID.fromString(id == null ? "" : id.strip());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Response.Status.NOT_FOUND, "problem.not-found.title", notFound);
    }
  }

  private StaffMember me() {
    return StaffMember.of(identity);
  }

  private PageText text(HttpHeaders headers) {
    return new PageText(texts, Language.preferred(headers.getAcceptableLanguages()));
  }
}

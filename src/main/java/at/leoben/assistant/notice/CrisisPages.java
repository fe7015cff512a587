package at.leoben.assistant.notice;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.PageText;
import at.leoben.assistant.i18n.Texts;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notice and the AI switch in the staff UI for admins: the state, a form for each, and the
 * history. Server-rendered (Qute escapes every value), plain forms with a CSRF token, the same
 * checks and audit as {@code /api/v1/admin/notice} and {@code /api/v1/admin/ai-switch}.
 */
@Path("/staff/crisis")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffMember.ADMIN)
public class CrisisPages {

  private static final List<String> SAVED = List.of("notice-set", "notice-ended", "ai-off", "ai-on");
  private static final List<String> CHANNELS = List.of("all", "widget", "api");

  /** What the notice form held (cleaned like every input text), to show it again with the problem. */
  public record NoticeForm(String de, String en, String severity, String link, String from, String until) {
    public NoticeForm {
      de = FormText.clean(de);
      en = FormText.clean(en);
      severity = FormText.clean(severity);
      link = FormText.clean(link);
      from = FormText.clean(from);
      until = FormText.clean(until);
    }

    static NoticeForm empty() {
      return new NoticeForm("", "", "info", "", "", "");
    }
  }

  /** What the switch form held. */
  public record SwitchForm(String channel, String reason, String until) {
    public SwitchForm {
      channel = FormText.clean(channel);
      reason = FormText.clean(reason);
      until = FormText.clean(until);
    }

    static SwitchForm empty() {
      return new SwitchForm("all", "", "");
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance page(
        PageText t,
        StaffMember me,
        Notice current,
        List<Notice> notices,
        AiSwitch.View ai,
        List<String> channels,
        List<Severity> severities,
        int maxLength,
        NoticeForm noticeForm,
        SwitchForm switchForm,
        String error,
        String done);
  }

  private final Notices notices;
  private final AiSwitch aiSwitch;
  private final NoticeConfig config;
  private final Texts texts;
  private final SecurityIdentity identity;

  public CrisisPages(Notices notices, AiSwitch aiSwitch, NoticeConfig config, Texts texts, SecurityIdentity identity) {
    this.notices = notices;
    this.aiSwitch = aiSwitch;
    this.config = config;
    this.texts = texts;
    this.identity = identity;
  }

  @GET
  public TemplateInstance page(@QueryParam("done") String done, HttpHeaders headers) {
    PageText t = text(headers);
    String saved = done != null && SAVED.contains(done) ? t.get("staff.crisis.saved." + done) : null;
    return page(t, NoticeForm.empty(), SwitchForm.empty(), null, saved);
  }

  @POST
  @Path("/notice")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setNotice(
      @FormParam("de") String de,
      @FormParam("en") String en,
      @FormParam("severity") String severity,
      @FormParam("link") String link,
      @FormParam("from") String from,
      @FormParam("until") String until,
      HttpHeaders headers) {
    NoticeForm form = new NoticeForm(de, en, severity, link, from, until);
    Map<String, String> text = new LinkedHashMap<>();
    text.put(Notice.GERMAN, form.de());
    if (!form.en().isBlank()) {
      text.put("en", form.en());
    }
    try {
      notices.set(new NoticeInput(text, form.severity(), form.link(), form.from(), form.until()), me());
      return done("notice-set");
    } catch (ProblemException e) {
      return problem(e, headers, form, SwitchForm.empty());
    }
  }

  @POST
  @Path("/notice/end")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response endNotice(HttpHeaders headers) {
    try {
      notices.end(me());
      return done("notice-ended");
    } catch (ProblemException e) {
      return problem(e, headers, NoticeForm.empty(), SwitchForm.empty());
    }
  }

  /** {@code enabled} comes from the button pressed: "false" switches off, "true" on again. */
  @POST
  @Path("/ai")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changeAi(
      @FormParam("enabled") String enabled,
      @FormParam("channel") String channel,
      @FormParam("reason") String reason,
      @FormParam("until") String until,
      HttpHeaders headers) {
    SwitchForm form = new SwitchForm(channel, reason, until);
    Boolean on = "true".equals(enabled) ? Boolean.TRUE : "false".equals(enabled) ? Boolean.FALSE : null;
    try {
      aiSwitch.change(new AiSwitchInput(on, form.channel(), form.reason(), on == Boolean.TRUE ? null : form.until()), me());
      return done(on ? "ai-on" : "ai-off");
    } catch (ProblemException e) {
      return problem(e, headers, NoticeForm.empty(), form);
    }
  }

  private Response done(String what) {
    return Response.seeOther(URI.create("/staff/crisis?done=" + what)).build();
  }

  private Response problem(ProblemException e, HttpHeaders headers, NoticeForm noticeForm, SwitchForm switchForm) {
    PageText t = text(headers);
    return Response.status(e.status())
        .entity(page(t, noticeForm, switchForm, t.message(e.detailKey(), e.arguments()), null))
        .build();
  }

  private TemplateInstance page(PageText t, NoticeForm noticeForm, SwitchForm switchForm, String error, String done) {
    return Templates.page(
        t,
        me(),
        notices.shown().orElse(null),
        notices.history(),
        aiSwitch.view(),
        CHANNELS,
        List.of(Severity.values()),
        config.maxLength(),
        noticeForm,
        switchForm,
        error,
        done);
  }

  private StaffMember me() {
    return StaffMember.of(identity);
  }

  private PageText text(HttpHeaders headers) {
    return new PageText(texts, Language.preferred(headers.getAcceptableLanguages()));
  }
}

package at.leoben.assistant.transparency;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.PageText;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.notice.Notices;
import at.leoben.assistant.notice.PastNotice;
import at.leoben.assistant.web.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The public transparency register: a page for people, the same data as JSON. */
@Path("/")
public class TransparencyResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance page(TransparencyView view, PageText t, List<PastNotice> notices);
  }

  private final Transparency transparency;
  private final Texts texts;
  private final Notices notices;

  public TransparencyResource(Transparency transparency, Texts texts, Notices notices) {
    this.transparency = transparency;
    this.texts = texts;
    this.notices = notices;
  }

  @GET
  @Path("/api/v1/transparency")
  @Produces(MediaType.APPLICATION_JSON)
  public TransparencyView json(@QueryParam("language") String language) {
    return transparency.view(language(language, null));
  }

  @GET
  @Path("/transparenz")
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance page(@QueryParam("lang") String lang, HttpHeaders headers) {
    Language language = language(lang, headers);
    return Templates.page(transparency.view(language), new PageText(texts, language), notices.shownSoFar(language.code()));
  }

  /** An explicit language wins; else the browser's first preference; German by default. */
  private static Language language(String requested, HttpHeaders headers) {
    if (requested != null && !requested.isBlank()) {
      try {
        return Language.fromCode(requested.strip().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("problem.language.unsupported");
      }
    }
    return headers == null ? Language.DE : Language.preferred(headers.getAcceptableLanguages());
  }
}

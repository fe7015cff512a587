package at.leoben.assistant.web;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.resources.TextResources;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The widget's texts in one language, from that language's bundle ({@code widget.*}), with the
 * list of languages for its switch and the writing direction. The widget carries German and
 * English for {@link #KEYS} itself; a key a bundle lacks is left out and the widget shows German
 * there. The texts of {@link #BUNDLED_KEYS} live only in the bundles and come in every language,
 * German where a bundle lacks them.
 */
@Path("/api/v1/languages")
@Produces(MediaType.APPLICATION_JSON)
public class LanguagesResource {

  private static final List<String> KEYS =
      List.of(
          "title", "intro", "transparency", "responsible", "privacy", "label", "send", "stop", "human", "erase",
          "erased", "badgeHelp", "fallback", "sources", "open", "closed", "up", "down", "thanks", "broken", "you",
          "assistant", "plain", "launcher", "close", "why", "comment", "sendFeedback", "languages", "done",
          "reasons.wrong", "reasons.outdated", "reasons.unclear", "reasons.incomplete", "reasons.offensive",
          "reasons.other", "aiOff", "more", "severity.info", "severity.warning", "severity.emergency", "handover",
          "handoverIntro", "includeConversation", "contactWay", "contactNone", "contactEmail", "contactPhone", "email",
          "phone", "note", "consent", "handoverSend", "handoverFailed", "caseCheck", "caseWaiting", "caseReply",
          "casePerson", "caseNumber", "caseDelete", "caseDeleted", "caseStatus.OPEN", "caseStatus.CLAIMED",
          "caseStatus.ANSWERED", "caseStatus.CLOSED");

  /** Texts the widget does not carry itself: the personal-data warning, read aloud, download. */
  private static final List<String> BUNDLED_KEYS =
      List.of(
          "piiWarning", "piiRemove", "piiSend", "pii.email", "pii.phone", "pii.iban", "pii.svnr", "pii.address",
          "readAloud", "download");

  public record LanguageView(String code, String name, String dir, boolean checked) {}

  /** {@code starters}: questions the widget offers before the first message ({@code i18n/starters_<code>.txt}). */
  public record WidgetTexts(String language, String dir, Map<String, String> texts, List<String> starters) {}

  private final Texts texts;

  LanguagesResource(Texts texts) {
    this.texts = texts;
  }

  /** The languages the assistant speaks, German first; {@code checked}: a native speaker checked the texts. */
  @GET
  public List<LanguageView> languages() {
    return Language.all().stream()
        .map(
            language ->
                new LanguageView(
                    language.code(),
                    language.nativeName(),
                    language.rightToLeft() ? "rtl" : "ltr",
                    !"false".equals(texts.find(language, "bundle.checked").orElse("true"))))
        .toList();
  }

  @GET
  @Path("/{code}/widget")
  public WidgetTexts widget(@jakarta.ws.rs.PathParam("code") String code) {
    Language language;
    try {
      language = Language.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("problem.language.unsupported");
    }
    Map<String, String> found = new LinkedHashMap<>();
    for (String key : KEYS) {
      texts.find(language, "widget." + key).ifPresent(text -> found.put(key, text));
    }
    for (String key : BUNDLED_KEYS) {
      found.put(key, texts.get(language, "widget." + key));
    }
    String starters = "i18n/starters_" + language.code() + ".txt";
    return new WidgetTexts(
        language.code(),
        language.rightToLeft() ? "rtl" : "ltr",
        found,
        TextResources.exists(starters) ? TextResources.lines(starters) : List.of());
  }
}

package at.leoben.assistant.web;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Problem details from message keys, in the caller's language: for the REST mappers and for the
 * answers given below REST (the HTTP layer's limits, failed sign-ins), so that every error a client
 * can cause has the same shape.
 */
@ApplicationScoped
public class Problems {

  private static final String TYPE_BASE = "https://leoben.at/probleme/";

  private final Texts texts;
  private final ObjectMapper json;

  public Problems(Texts texts, ObjectMapper json) {
    this.texts = texts;
    this.json = json;
  }

  public Problem of(
      int status, String titleKey, String detailKey, List<Problem.Item> items, Language language, String instance, Object... args) {
    return new Problem(
        TYPE_BASE + detailKey.replaceFirst("^problem\\.", ""),
        texts.get(language, titleKey),
        status,
        texts.get(language, detailKey, args),
        instance,
        items);
  }

  /** Ends a Vert.x response with a problem detail (below REST, where no mapper runs). */
  public void send(RoutingContext context, int status, String titleKey, String detailKey, Object... args) {
    Problem problem = of(status, titleKey, detailKey, null, languageOf(context.request().getHeader("Accept-Language")),
        context.request().path(), args);
    HttpServerResponse response = context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
    try {
      response.end(json.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem detail is always JSON", e);
    }
  }

  /** The language an Accept-Language header prefers among those the service speaks. */
  public static Language languageOf(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Language.preferred(List.of());
    }
    try {
      return Language.preferred(Locale.LanguageRange.parse(acceptLanguage).stream()
          .map(range -> Locale.forLanguageTag(range.getRange()))
          .toList());
    } catch (IllegalArgumentException e) {
      return Language.preferred(List.of());
    }
  }
}

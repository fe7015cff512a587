package at.leoben.assistant.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A notice as admins see it: every language's text, when it shows, who set it and who ended it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(
    UUID id,
    Map<String, String> text,
    Severity severity,
    String link,
    Instant from,
    Instant until,
    String setBy,
    String setRole,
    Instant setAt,
    Instant endedAt,
    String endedBy) {

  static final String GERMAN = "de";

  public Notice {
    text = Map.copyOf(text);
  }

  /** Shown at {@code now}: begun, not over, not ended by hand. */
  public boolean showsAt(Instant now) {
    return endedAt == null && !from.isAfter(now) && (until == null || until.isAfter(now));
  }

  /** The text in a language, German where that language has none. */
  public PublicNotice forCitizens(String language) {
    String shown = text.getOrDefault(language, text.get(GERMAN));
    return new PublicNotice(shown, severity, link, until);
  }
}

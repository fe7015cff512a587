package at.leoben.assistant.notice;

import at.leoben.assistant.web.ProblemException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Times of notices and switch-offs: ISO-8601 with offset (2026-12-06T18:00:00+01:00 or …Z), or
 * without one as Vienna time (what the staff page's datetime-local field sends).
 */
final class Times {

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

  private Times() {}

  /** Null for an absent or blank time; a problem naming the field for an unreadable one. */
  static Instant parse(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(VIENNA).toInstant();
      } catch (DateTimeParseException e) {
        throw ProblemException.badRequest("problem.notice.time", field);
      }
    }
  }
}

package at.leoben.assistant.audit;

import at.leoben.assistant.web.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Which audit entries to list or export; every value reaches SQL as a bound parameter. */
public record AuditFilter(
    Instant from, Instant to, String event, String kind, UUID conversationId, String model, String responsible) {

  /** Reads query parameters; malformed ones are a 400 problem detail. */
  public static AuditFilter parse(
      String from, String to, String event, String kind, String conversationId, String model, String responsible) {
    Instant parsedFrom = instant(from);
    Instant parsedTo = instant(to);
    if (parsedFrom != null && parsedTo != null && parsedFrom.isAfter(parsedTo)) {
      throw ProblemException.badRequest("problem.audit.range.order");
    }
    UUID conversation = null;
    if (conversationId != null && !conversationId.isBlank()) {
      try {
        conversation = UUID.fromString(conversationId.strip());
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("problem.conversation.id-invalid");
      }
    }
    return new AuditFilter(parsedFrom, parsedTo, blankToNull(event), blankToNull(kind), conversation, blankToNull(model), blankToNull(responsible));
  }

  /** The same filter with its time range filled in and bounded, for an export. */
  AuditFilter bounded(Instant now, int maxDays) {
    Instant end = to == null ? now : to;
    Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : from;
    if (java.time.Duration.between(start, end).toDays() > maxDays) {
      throw ProblemException.badRequest("problem.audit.range.too-long", maxDays);
    }
    return new AuditFilter(start, end, event, kind, conversationId, model, responsible);
  }

  /** A where clause and its parameters, in order. */
  record Sql(String where, List<Object> parameters) {}

  Sql sql() {
    StringBuilder where = new StringBuilder("seq is not null");
    List<Object> parameters = new ArrayList<>();
    add(where, parameters, "occurred_at >= ?", from == null ? null : java.sql.Timestamp.from(from));
    add(where, parameters, "occurred_at < ?", to == null ? null : java.sql.Timestamp.from(to));
    add(where, parameters, "event = ?", event);
    add(where, parameters, "kind = ?", kind);
    add(where, parameters, "conversation_id = ?", conversationId);
    add(where, parameters, "model = ?", model);
    add(where, parameters, "responsible_name = ?", responsible);
    return new Sql(where.toString(), parameters);
  }

  private static void add(StringBuilder where, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      where.append(" and ").append(condition);
      parameters.add(value);
    }
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("problem.audit.time");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

package at.leoben.assistant.audit;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/** One audit entry as admins read and export it. */
public record AuditEntryView(
    long seq,
    Instant occurredAt,
    String event,
    UUID conversationId,
    UUID messageId,
    String kind,
    String reason,
    String area,
    String question,
    String answer,
    String model,
    String promptVersion,
    String responsibleName,
    String responsibleRole,
    String responsibleContact,
    Long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    String failure,
    UUID reusedFrom,
    String actor,
    String actorRole,
    String note,
    String prevHash,
    String hash) {

  static AuditEntryView of(AuditEntry e) {
    return new AuditEntryView(
        e.seq, e.occurredAt, e.event, e.conversationId, e.messageId, e.kind, e.reason, e.area, e.question, e.answer,
        e.model, e.promptVersion, e.responsibleName, e.responsibleRole, e.responsibleContact, e.latencyMs,
        e.inputTokens, e.outputTokens, e.failure, e.reusedFrom, e.actor, e.actorRole, e.note, e.prevHash, e.hash);
  }

  /** The export's CSV columns: every exported field ({@link AuditField}), in its order. */
  static final String CSV_HEADER = AuditField.EXPORTED.stream().map(f -> f.column).collect(Collectors.joining(","));

  /** RFC 4180: every field quoted, quotes doubled; a leading formula character is defused. */
  static String csv(AuditEntry entry) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < AuditField.EXPORTED.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      Object value = AuditField.EXPORTED.get(i).of(entry);
      if (value != null) {
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
          text = "'" + text; // spreadsheets must not run citizens' text as formulas
        }
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
      }
    }
    return line.append("\r\n").toString();
  }
}

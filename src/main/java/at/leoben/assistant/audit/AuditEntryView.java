package at.leoben.assistant.audit;

import java.time.Instant;
import java.util.UUID;

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

  static final String CSV_HEADER =
      "seq,occurred_at,event,conversation_id,message_id,kind,reason,area,question,answer,model,prompt_version,"
          + "responsible_name,responsible_role,responsible_contact,latency_ms,input_tokens,output_tokens,failure,"
          + "reused_from,actor,actor_role,note,prev_hash,hash";

  /** RFC 4180: every field quoted, quotes doubled; a leading formula character is defused. */
  String csv() {
    Object[] values = {
      seq, occurredAt, event, conversationId, messageId, kind, reason, area, question, answer, model, promptVersion,
      responsibleName, responsibleRole, responsibleContact, latencyMs, inputTokens, outputTokens, failure, reusedFrom,
      actor, actorRole, note, prevHash, hash
    };
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      if (values[i] != null) {
        String text = values[i].toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
          text = "'" + text; // spreadsheets must not run citizens' text as formulas
        }
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
      }
    }
    return line.append("\r\n").toString();
  }
}

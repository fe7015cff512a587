package at.leoben.assistant.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;

/** Reads audit rows with plain JDBC, for streaming through millions of them in constant memory. */
final class AuditRows {

  static final String COLUMNS =
      "seq, prev_hash, hash, occurred_at, event, conversation_id, message_id, kind, reason, question, answer,"
          + " model, prompt_version, responsible_name, responsible_role, responsible_contact, latency_ms,"
          + " input_tokens, output_tokens, failure, reused_from, area, actor, actor_role, note, mac";

  private AuditRows() {}

  /** A detached, chained entry (never persisted from here). */
  static AuditEntry read(ResultSet row) throws SQLException {
    AuditEntry e = readUnsealed(row);
    e.seq = row.getLong("seq");
    return e;
  }

  /** A detached entry read without its sequence number (it may have none yet). */
  static AuditEntry readUnsealed(ResultSet row) throws SQLException {
    AuditEntry e = new AuditEntry();
    e.prevHash = row.getString("prev_hash");
    e.hash = row.getString("hash");
    Timestamp occurred = row.getTimestamp("occurred_at");
    e.occurredAt = occurred == null ? null : occurred.toInstant();
    e.event = row.getString("event");
    e.conversationId = row.getObject("conversation_id", UUID.class);
    e.messageId = row.getObject("message_id", UUID.class);
    e.kind = row.getString("kind");
    e.reason = row.getString("reason");
    e.question = row.getString("question");
    e.answer = row.getString("answer");
    e.model = row.getString("model");
    e.promptVersion = row.getString("prompt_version");
    e.responsibleName = row.getString("responsible_name");
    e.responsibleRole = row.getString("responsible_role");
    e.responsibleContact = row.getString("responsible_contact");
    e.latencyMs = (Long) row.getObject("latency_ms");
    e.inputTokens = (Integer) row.getObject("input_tokens");
    e.outputTokens = (Integer) row.getObject("output_tokens");
    e.failure = row.getString("failure");
    e.reusedFrom = row.getObject("reused_from", UUID.class);
    e.area = row.getString("area");
    e.actor = row.getString("actor");
    e.actorRole = row.getString("actor_role");
    e.note = row.getString("note");
    e.mac = row.getString("mac");
    return e;
  }
}

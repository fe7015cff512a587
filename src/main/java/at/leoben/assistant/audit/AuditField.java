package at.leoben.assistant.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one list of an audit entry's stored fields: its column, how it is read from a row and from
 * an {@link AuditEntry}, whether admins see it in exports, and whether it is part of the entry's
 * content (what the HMAC and the chain hash cover). Reading rows ({@link AuditRows}), the export's
 * CSV columns ({@link AuditEntryView}) and the sealer's query derive from it. The hash's canonical
 * form stays written out in {@link AuditHash} (a format must not change because this list did);
 * {@link AuditHash} checks at class load that it covers exactly the content fields listed here.
 * Order: the export's column order.
 */
enum AuditField {
  SEQ("seq", Kind.CHAIN, true, (e, r) -> e.seq = (Long) r.getObject("seq"), e -> e.seq),
  OCCURRED_AT("occurred_at", Kind.CONTENT, true, (e, r) -> {
    Timestamp occurred = r.getTimestamp("occurred_at");
    e.occurredAt = occurred == null ? null : occurred.toInstant();
  }, e -> e.occurredAt),
  EVENT("event", Kind.CONTENT, true, (e, r) -> e.event = r.getString("event"), e -> e.event),
  CONVERSATION_ID("conversation_id", Kind.CONTENT, true, (e, r) -> e.conversationId = r.getObject("conversation_id", UUID.class), e -> e.conversationId),
  MESSAGE_ID("message_id", Kind.CONTENT, true, (e, r) -> e.messageId = r.getObject("message_id", UUID.class), e -> e.messageId),
  KIND("kind", Kind.CONTENT, true, (e, r) -> e.kind = r.getString("kind"), e -> e.kind),
  REASON("reason", Kind.CONTENT, true, (e, r) -> e.reason = r.getString("reason"), e -> e.reason),
  AREA("area", Kind.CONTENT, true, (e, r) -> e.area = r.getString("area"), e -> e.area),
  QUESTION("question", Kind.CONTENT, true, (e, r) -> e.question = r.getString("question"), e -> e.question),
  ANSWER("answer", Kind.CONTENT, true, (e, r) -> e.answer = r.getString("answer"), e -> e.answer),
  MODEL("model", Kind.CONTENT, true, (e, r) -> e.model = r.getString("model"), e -> e.model),
  PROMPT_VERSION("prompt_version", Kind.CONTENT, true, (e, r) -> e.promptVersion = r.getString("prompt_version"), e -> e.promptVersion),
  RESPONSIBLE_NAME("responsible_name", Kind.CONTENT, true, (e, r) -> e.responsibleName = r.getString("responsible_name"), e -> e.responsibleName),
  RESPONSIBLE_ROLE("responsible_role", Kind.CONTENT, true, (e, r) -> e.responsibleRole = r.getString("responsible_role"), e -> e.responsibleRole),
  RESPONSIBLE_CONTACT("responsible_contact", Kind.CONTENT, true,
      (e, r) -> e.responsibleContact = r.getString("responsible_contact"), e -> e.responsibleContact),
  LATENCY_MS("latency_ms", Kind.CONTENT, true, (e, r) -> e.latencyMs = (Long) r.getObject("latency_ms"), e -> e.latencyMs),
  INPUT_TOKENS("input_tokens", Kind.CONTENT, true, (e, r) -> e.inputTokens = (Integer) r.getObject("input_tokens"), e -> e.inputTokens),
  OUTPUT_TOKENS("output_tokens", Kind.CONTENT, true, (e, r) -> e.outputTokens = (Integer) r.getObject("output_tokens"), e -> e.outputTokens),
  FAILURE("failure", Kind.CONTENT, true, (e, r) -> e.failure = r.getString("failure"), e -> e.failure),
  REUSED_FROM("reused_from", Kind.CONTENT, true, (e, r) -> e.reusedFrom = r.getObject("reused_from", UUID.class), e -> e.reusedFrom),
  ACTOR("actor", Kind.CONTENT, true, (e, r) -> e.actor = r.getString("actor"), e -> e.actor),
  ACTOR_ROLE("actor_role", Kind.CONTENT, true, (e, r) -> e.actorRole = r.getString("actor_role"), e -> e.actorRole),
  NOTE("note", Kind.CONTENT, true, (e, r) -> e.note = r.getString("note"), e -> e.note),
  PREV_HASH("prev_hash", Kind.CHAIN, true, (e, r) -> e.prevHash = r.getString("prev_hash"), e -> e.prevHash),
  HASH("hash", Kind.CHAIN, true, (e, r) -> e.hash = r.getString("hash"), e -> e.hash),
  MAC("mac", Kind.CHAIN, false, (e, r) -> e.mac = r.getString("mac"), e -> e.mac);

  /** CONTENT: written with the entry, covered by its HMAC and hash; CHAIN: the entry's place and proofs. */
  enum Kind {
    CONTENT,
    CHAIN
  }

  @FunctionalInterface
  private interface Reader {
    void read(AuditEntry entry, ResultSet row) throws SQLException;
  }

  final String column;
  final Kind kind;
  final boolean exported;
  private final Reader reader;
  private final Function<AuditEntry, Object> getter;

  AuditField(String column, Kind kind, boolean exported, Reader reader, Function<AuditEntry, Object> getter) {
    this.column = column;
    this.kind = kind;
    this.exported = exported;
    this.reader = reader;
    this.getter = getter;
  }

  Object of(AuditEntry entry) {
    return getter.apply(entry);
  }

  /** Every stored field's column, for a select list. */
  static final String COLUMNS = Arrays.stream(values()).map(f -> f.column).collect(Collectors.joining(", "));

  /** The exported fields, in the export's order. */
  static final List<AuditField> EXPORTED = Arrays.stream(values()).filter(f -> f.exported).toList();

  /** The content fields' columns: what the HMAC and the hash cover. */
  static final List<String> CONTENT = Arrays.stream(values()).filter(f -> f.kind == Kind.CONTENT).map(f -> f.column).toList();

  /** Reads every field from a row selected with {@link #COLUMNS}. */
  static void readAll(AuditEntry entry, ResultSet row) throws SQLException {
    for (AuditField field : values()) {
      field.reader.read(entry, row);
    }
  }
}

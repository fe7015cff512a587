package at.leoben.assistant.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form of an audit entry and its chain hash. Every field enters length-prefixed (so
 * no value can pose as another field); content (question, answer, note) enters as its digest, so
 * that retention can replace it by that digest and the chain still verifies.
 */
final class AuditHash {

  static final String GENESIS = "0".repeat(64);
  static final String ERASED = "erased:sha256:";

  private AuditHash() {}

  /**
   * The chain hash of an entry whose predecessor's hash is {@code previous}. Canonical form v1:
   * prev, seq, then the content fields ({@link #content}); v2 (entries with an HMAC, since V17)
   * appends {@code mac}, so the chain commits to each entry's authentication too. An entry's form is
   * told by its {@code mac}: null is v1, so entries chained before V17 verify unchanged.
   */
  static String of(AuditEntry e, String previous) {
    StringBuilder canonical = new StringBuilder(512);
    field(canonical, "prev", previous);
    field(canonical, "seq", e.seq);
    content(canonical, e);
    if (e.mac != null) {
      field(canonical, "mac", e.mac);
    }
    return sha256(canonical.toString());
  }

  /**
   * What an entry's HMAC covers: its content as written, before it has a place in the chain (so
   * neither seq nor hashes). Content enters as its digest, so erasure keeps the HMAC valid.
   */
  static String macInput(AuditEntry e) {
    StringBuilder canonical = new StringBuilder(512);
    canonical.append("buergerassistent-audit-entry-v2\n");
    content(canonical, e);
    return canonical.toString();
  }

  /** The content fields of the canonical form, in its order: written out, never derived. */
  static final List<String> CANONICAL_CONTENT = List.of(
      "occurred_at", "event", "conversation_id", "message_id", "kind", "reason", "question", "answer", "model",
      "prompt_version", "responsible_name", "responsible_role", "responsible_contact", "latency_ms", "input_tokens",
      "output_tokens", "failure", "reused_from", "area", "actor", "actor_role", "note");

  static {
    // A field added to the audit must be added to the canonical form too (as a new version).
    if (!new HashSet<>(CANONICAL_CONTENT).equals(new HashSet<>(AuditField.CONTENT))) {
      throw new IllegalStateException("AuditHash's canonical form does not cover exactly the content fields of AuditField");
    }
  }

  private static void content(StringBuilder canonical, AuditEntry e) {
    field(canonical, "occurred_at", e.occurredAt == null ? null : micros(e.occurredAt).toString());
    field(canonical, "event", e.event);
    field(canonical, "conversation_id", e.conversationId);
    field(canonical, "message_id", e.messageId);
    field(canonical, "kind", e.kind);
    field(canonical, "reason", e.reason);
    field(canonical, "question", digest(e.question));
    field(canonical, "answer", digest(e.answer));
    field(canonical, "model", e.model);
    field(canonical, "prompt_version", e.promptVersion);
    field(canonical, "responsible_name", e.responsibleName);
    field(canonical, "responsible_role", e.responsibleRole);
    field(canonical, "responsible_contact", e.responsibleContact);
    field(canonical, "latency_ms", e.latencyMs);
    field(canonical, "input_tokens", e.inputTokens);
    field(canonical, "output_tokens", e.outputTokens);
    field(canonical, "failure", e.failure);
    field(canonical, "reused_from", e.reusedFrom);
    field(canonical, "area", e.area);
    field(canonical, "actor", e.actor);
    field(canonical, "actor_role", e.actorRole);
    field(canonical, "note", digest(e.note));
  }

  /** What retention keeps of a text: {@code erased:sha256:<hex>}; an erased text stays as it is. */
  static String digest(String content) {
    if (content == null || content.startsWith(ERASED)) {
      return content;
    }
    return ERASED + sha256(content);
  }

  /** PostgreSQL keeps microseconds: hash what is stored. */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static void field(StringBuilder out, String name, Object value) {
    out.append(name).append('=');
    if (value == null) {
      out.append('~');
    } else {
      String text = value.toString();
      out.append(text.length()).append(':').append(text);
    }
    out.append('\n');
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

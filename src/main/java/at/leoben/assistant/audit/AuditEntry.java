package at.leoben.assistant.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail: written once, chained to the one before, read by admins. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(nullable = false)
  public String event;

  @Column(name = "conversation_id")
  public UUID conversationId;

  @Column(name = "message_id")
  public UUID messageId;

  public String kind;
  public String reason;
  public String question;
  public String answer;
  public String model;

  @Column(name = "prompt_version")
  public String promptVersion;

  @Column(name = "responsible_name", nullable = false)
  public String responsibleName;

  @Column(name = "responsible_role", nullable = false)
  public String responsibleRole;

  @Column(name = "responsible_contact", nullable = false)
  public String responsibleContact;

  @Column(name = "latency_ms")
  public Long latencyMs;

  @Column(name = "input_tokens")
  public Integer inputTokens;

  @Column(name = "output_tokens")
  public Integer outputTokens;

  public String failure;

  @Column(name = "reused_from")
  public UUID reusedFrom;

  /** The sensitive area of a hand-over. */
  public String area;

  /** The member of staff who acted (a review decision, a withdrawal), and in which role. */
  public String actor;

  @Column(name = "actor_role")
  public String actorRole;

  /** The staff member's comment. */
  public String note;

  /**
   * HMAC of the entry's content under a key the database never sees ({@link AuditSigner}):
   * written with the entry, so an entry INSERTed with the database password alone is found.
   */
  public String mac;

  /** Position in the chain: gapless, from 1. Set by the sealer only (never in an INSERT). */
  @Column(insertable = false, updatable = false)
  public Long seq;

  @Column(name = "prev_hash", insertable = false, updatable = false)
  public String prevHash;

  /** SHA-256 over this entry's canonical form and {@link #prevHash} ({@link AuditHash}). */
  @Column(insertable = false, updatable = false)
  public String hash;
}

package at.leoben.assistant.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A question a citizen handed to an office; contact and note only encrypted (see ContactCipher). */
@Entity
@Table(name = "handover_case")
class HandoverCase extends PanacheEntityBase {

  @Id public UUID id;

  /** Short number for phone calls and letters, e.g. {@code A-7K3M9Q}. */
  @Column(nullable = false)
  public String number;

  @Column(name = "conversation_id", nullable = false)
  public UUID conversationId;

  @Column(name = "token_hash", nullable = false)
  public byte[] tokenHash;

  @Column(nullable = false)
  public String language;

  @Column(nullable = false)
  public String office;

  public String reason;

  public String area;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CaseStatus status;

  @Column(nullable = false)
  public String question;

  /** The conversation so far, only when the citizen ticked it. */
  @Column(name = "conversation_text")
  public String conversationText;

  @Column(name = "note_enc")
  public byte[] noteEnc;

  @Column(name = "contact_enc")
  public byte[] contactEnc;

  @Enumerated(EnumType.STRING)
  @Column(name = "contact_kind")
  public ContactKind contactKind;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expected_reply_by", nullable = false)
  public Instant expectedReplyBy;

  @Column(name = "claimed_by")
  public String claimedBy;

  @Column(name = "claimed_at")
  public Instant claimedAt;

  @Column(name = "reply_text")
  public String replyText;

  @Column(name = "reply_by")
  public String replyBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "reply_channel")
  public ReplyChannel replyChannel;

  @Column(name = "replied_at")
  public Instant repliedAt;

  @Column(name = "closed_at")
  public Instant closedAt;

  public String outcome;

  @Column(name = "personal_data_deleted_at")
  public Instant personalDataDeletedAt;

  @Version public int version;
}

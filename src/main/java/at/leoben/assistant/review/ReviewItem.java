package at.leoben.assistant.review;

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

/** One reply in the review queue, with who works on it and what was decided. */
@Entity
@Table(name = "review_item")
class ReviewItem extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "message_id", nullable = false)
  public UUID messageId;

  @Column(name = "conversation_id", nullable = false)
  public UUID conversationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReviewStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "claimed_by")
  public String claimedBy;

  @Column(name = "claimed_at")
  public Instant claimedAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_role")
  public String decidedRole;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decision_comment")
  public String decisionComment;

  @Column(name = "corrected_text")
  public String correctedText;

  /** Optimistic locking: a decision names the version it was made on. */
  @Version public int version;
}

package at.leoben.assistant.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A citizen's rating of one reply. */
@Entity
@Table(name = "feedback")
class Feedback extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "message_id", nullable = false)
  public UUID messageId;

  @Column(name = "conversation_id", nullable = false)
  public UUID conversationId;

  /** UP or DOWN. */
  @Column(nullable = false)
  public String rating;

  /** Comma-separated reason tags. */
  public String reasons;

  public String comment;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}

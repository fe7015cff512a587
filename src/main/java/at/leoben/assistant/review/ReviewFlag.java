package at.leoben.assistant.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Why a reply is in the review queue; its item ({@link ReviewItem}) keeps where it stands. */
@Entity
@Table(name = "review_flag")
class ReviewFlag extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "message_id", nullable = false)
  public UUID messageId;

  @Column(name = "conversation_id", nullable = false)
  public UUID conversationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public FlagReason reason;

  @Column(nullable = false)
  public String severity;

  public String detail;

  @Column(name = "withheld_text")
  public String withheldText;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}

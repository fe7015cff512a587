package at.leoben.assistant.review;

import at.leoben.assistant.disclosure.Provenance;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An answer a clerk approved or corrected, in force until an admin withdraws it. */
@Entity
@Table(name = "approved_answer")
class ApprovedAnswer extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "question_key", nullable = false)
  public String questionKey;

  @Column(name = "review_item_id", nullable = false)
  public UUID reviewItemId;

  @Column(name = "source_message_id", nullable = false)
  public UUID sourceMessageId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReviewStatus decision;

  @Column(nullable = false)
  public String answer;

  public String sources;

  /** Null when a member of staff wrote the answer themselves (no AI part). */
  @Embedded public Provenance provenance;

  @Column(name = "approved_by", nullable = false)
  public String approvedBy;

  @Column(name = "approved_role", nullable = false)
  public String approvedRole;

  @Column(name = "approved_at", nullable = false)
  public Instant approvedAt;

  @Column(name = "withdrawn_by")
  public String withdrawnBy;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;
}

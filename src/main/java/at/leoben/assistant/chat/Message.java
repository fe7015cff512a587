package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.Provenance;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.review.ReplyReviewStatus;
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

/** One message of a conversation: the citizen's question or the service's reply. */
@Entity
@Table(name = "message")
class Message extends PanacheEntityBase {

  enum Author {
    CITIZEN,
    ASSISTANT
  }

  @Id public UUID id;

  @Column(name = "conversation_id", nullable = false)
  public UUID conversationId;

  @Column(nullable = false)
  public int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Author author;

  @Enumerated(EnumType.STRING)
  public ReplyKind kind;

  @Enumerated(EnumType.STRING)
  public ReplyReason reason;

  @Column(nullable = false)
  public String content;

  /** Null unless a model wrote the reply. */
  @Embedded public Provenance provenance;

  @Column(name = "question_key")
  public String questionKey;

  /** JSON list of {@link Source}s. */
  public String sources;

  /** The citizen asked for this reply in plain language. */
  @Column(name = "plain_language", nullable = false)
  public boolean plainLanguage;

  /** The sensitive area of a hand-over. */
  public String area;

  @Enumerated(EnumType.STRING)
  @Column(name = "review_status")
  public ReplyReviewStatus reviewStatus;

  /** A clerk's correction, shown to the citizen in place of the original answer. */
  @Column(name = "corrected_text")
  public String correctedText;

  @Column(name = "reviewed_role")
  public String reviewedRole;

  @Column(name = "reviewed_at")
  public Instant reviewedAt;

  /** What the citizen sees now: the correction if there is one. */
  String shownText() {
    return correctedText != null ? correctedText : content;
  }

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}

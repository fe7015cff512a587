package at.leoben.assistant.knowledge.sources;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A new, changed or vanished page, with the text before and after, as the editors decide on it. */
@Entity
@Table(name = "knowledge_change")
class PageChange extends PanacheEntityBase {

  enum Kind {
    NEW,
    CHANGED,
    VANISHED
  }

  enum Status {
    PENDING,
    APPLIED,
    REJECTED,
    /** A later crawl found the page changed again; that change replaces this one. */
    SUPERSEDED
  }

  @Id public UUID id;

  @Column(name = "source_id", nullable = false)
  public UUID sourceId;

  @Column(name = "page_id", nullable = false)
  public UUID pageId;

  @Column(nullable = false)
  public String url;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "detected_at", nullable = false)
  public Instant detectedAt;

  public String title;

  @Column(name = "old_text")
  public String oldText;

  @Column(name = "new_text")
  public String newText;

  /** JSON of the {@link PageContent} to put live. */
  @Column(name = "new_content")
  public String newContent;

  /** JSON list of {@link ImportScreen.Warning}s. */
  public String warnings;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "withdrawn_answers", nullable = false)
  public int withdrawnAnswers;
}

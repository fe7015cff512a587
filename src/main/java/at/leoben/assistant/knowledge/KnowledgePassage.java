package at.leoben.assistant.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A searchable piece of a document; its search vector is computed by PostgreSQL. */
@Entity
@Table(name = "knowledge_passage")
class KnowledgePassage extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "document_id", nullable = false)
  public UUID documentId;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public String title;

  public String heading;

  /** The fragment of the section on its page (crawled sources only); null for Markdown documents. */
  public String anchor;

  @Column(nullable = false)
  public String keywords;

  @Column(nullable = false)
  public String content;
}

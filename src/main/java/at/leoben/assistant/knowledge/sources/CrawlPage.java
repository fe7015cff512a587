package at.leoben.assistant.knowledge.sources;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A page (or the PDF) of a source: the validators and hash of what was fetched last, so that the
 * next crawl asks conditionally, and what is live of it.
 */
@Entity
@Table(name = "knowledge_page")
class CrawlPage extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "source_id", nullable = false)
  public UUID sourceId;

  @Column(nullable = false)
  public String url;

  /** The knowledge document that is live for this page; null while nothing is. */
  @Column(name = "document_id")
  public UUID documentId;

  public String etag;

  @Column(name = "last_modified")
  public String lastModified;

  /** Hash of the text fetched last, live or waiting for an editor. */
  @Column(name = "fetched_hash")
  public String fetchedHash;

  /** Hash and content (JSON of a {@link PageContent}) of what is live, for the next diff. */
  @Column(name = "live_hash")
  public String liveHash;

  @Column(name = "live_content")
  public String liveContent;

  /** The page answered 404 or 410 (or robots.txt now forbids it). */
  @Column(nullable = false)
  public boolean gone;
}

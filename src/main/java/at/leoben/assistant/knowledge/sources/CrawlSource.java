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

/** A website or PDF the knowledge comes from, with its schedule and how its changes go live. */
@Entity
@Table(name = "knowledge_source")
class CrawlSource extends PanacheEntityBase {

  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SourceType type;

  @Column(nullable = false)
  public String url;

  @Column(nullable = false)
  public String schedule;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Approval approval;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "next_crawl_at", nullable = false)
  public Instant nextCrawlAt;

  @Column(name = "crawling_since")
  public Instant crawlingSince;

  @Column(name = "last_crawl_at")
  public Instant lastCrawlAt;

  /** JSON of the last {@link CrawlReport}. */
  @Column(name = "last_report")
  public String lastReport;
}

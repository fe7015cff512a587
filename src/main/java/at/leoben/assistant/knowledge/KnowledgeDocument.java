package at.leoben.assistant.knowledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A curated document of the city, the unit admins manage. */
@Entity
@Table(name = "knowledge_document")
class KnowledgeDocument extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false, unique = true)
  public String slug;

  @Column(nullable = false)
  public String title;

  @Column(name = "source_url", nullable = false)
  public String sourceUrl;

  @Column(nullable = false)
  public String owner;

  @Column(name = "valid_from")
  public LocalDate validFrom;

  @Column(name = "updated_on", nullable = false)
  public LocalDate updatedOn;

  @Column(nullable = false)
  public String keywords;

  @Column(nullable = false)
  public String body;

  @Column(name = "unconfirmed_facts", nullable = false)
  public int unconfirmedFacts;

  @Column(nullable = false)
  public String origin;

  @Column(name = "modified_at", nullable = false)
  public Instant modifiedAt;

  @Version public int version;
}

package at.leoben.assistant.probe;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored bias probe report. */
@Entity
@Table(name = "bias_report")
class BiasReport extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(nullable = false)
  public String model;

  @Column(name = "prompt_version", nullable = false)
  public String promptVersion;

  @Column(nullable = false)
  public int pairs;

  @Column(nullable = false)
  public int flagged;

  @Column(nullable = false)
  public String markdown;
}

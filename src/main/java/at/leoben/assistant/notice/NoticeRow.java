package at.leoben.assistant.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A notice in the database ({@code service_notice}); texts as a JSON object. */
@Entity
@Table(name = "service_notice")
class NoticeRow extends PanacheEntityBase {

  @Id public UUID id;

  @Column(nullable = false)
  public String texts;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Severity severity;

  public String link;

  @Column(name = "starts_at", nullable = false)
  public Instant startsAt;

  @Column(name = "ends_at")
  public Instant endsAt;

  @Column(name = "set_by", nullable = false)
  public String setBy;

  @Column(name = "set_role", nullable = false)
  public String setRole;

  @Column(name = "set_at", nullable = false)
  public Instant setAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "ended_by")
  public String endedBy;
}

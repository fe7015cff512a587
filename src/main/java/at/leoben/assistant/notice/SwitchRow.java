package at.leoben.assistant.notice;

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

/** One change of the AI switch for one channel ({@code ai_switch_change}). */
@Entity
@Table(name = "ai_switch_change")
class SwitchRow extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AiChannel channel;

  @Column(nullable = false)
  public boolean enabled;

  @Column(nullable = false)
  public String reason;

  public Instant until;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "changed_role", nullable = false)
  public String changedRole;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;

  SwitchChange view() {
    return new SwitchChange(channel, enabled, reason, until, changedBy, changedRole, changedAt);
  }
}

package at.leoben.assistant.cases;

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
import java.util.UUID;

/** An e-mail to send about a case (outbox): written with the case, sent by {@link CaseMailJob}. */
@Entity
@Table(name = "case_mail")
class CaseMail extends PanacheEntityBase {

  enum Kind {
    OFFICE_NOTICE,
    CITIZEN_REPLY
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_try_at", nullable = false)
  public Instant nextTryAt;

  @Column(name = "sent_at")
  public Instant sentAt;

  public String failure;
}

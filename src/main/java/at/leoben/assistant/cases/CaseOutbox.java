package at.leoben.assistant.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;

/**
 * Puts the e-mails of a case into the outbox, in the caller's transaction: a case stored is a
 * mail queued, and a mail is never queued for a case that was rolled back. Without SMTP
 * ({@code assistant.cases.mail.enabled=false}) nothing is queued: the staff inbox alone.
 */
@ApplicationScoped
class CaseOutbox {

  private final boolean enabled;
  private final Offices offices;
  private final Clock clock;

  CaseOutbox(CasesConfig config, Offices offices, Clock clock) {
    this.enabled = config.mail().enabled();
    this.offices = offices;
    this.clock = clock;
  }

  @Transactional(TxType.MANDATORY)
  void officeNotice(HandoverCase entity) {
    if (offices.find(entity.office).flatMap(Offices.Office::email).isPresent()) {
      queue(entity, CaseMail.Kind.OFFICE_NOTICE);
    }
  }

  @Transactional(TxType.MANDATORY)
  void citizenReply(HandoverCase entity) {
    if (entity.contactKind == ContactKind.EMAIL) {
      queue(entity, CaseMail.Kind.CITIZEN_REPLY);
    }
  }

  private void queue(HandoverCase entity, CaseMail.Kind kind) {
    if (!enabled) {
      return;
    }
    CaseMail mail = new CaseMail();
    mail.caseId = entity.id;
    mail.kind = kind;
    mail.createdAt = Instant.now(clock);
    mail.nextTryAt = mail.createdAt;
    mail.persist();
  }
}

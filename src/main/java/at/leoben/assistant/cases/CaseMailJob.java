package at.leoben.assistant.cases;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the outbox of case e-mails. Each mail is taken under a row lock (SKIP LOCKED: several
 * instances never take the same one), sent, and marked sent in the same transaction; an SMTP
 * failure leaves it queued with a growing wait. Logs name the case number and kind, never an
 * address or text.
 */
@ApplicationScoped
public class CaseMailJob {

  private static final Logger LOG = Logger.getLogger(CaseMailJob.class);
  /** Hibernate's lock timeout for SKIP LOCKED. */
  private static final int SKIP_LOCKED = -2;
  private static final int BATCH = 100;
  private static final DateTimeFormatter VIENNA_TIME =
      DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm", Language.DE.locale()).withZone(ZoneId.of("Europe/Vienna"));

  private final Mailer mailer;
  private final CasesConfig config;
  private final Offices offices;
  private final ContactCipher cipher;
  private final Texts texts;
  private final Clock clock;

  CaseMailJob(Mailer mailer, CasesConfig config, Offices offices, ContactCipher cipher, Texts texts, Clock clock) {
    this.mailer = mailer;
    this.config = config;
    this.offices = offices;
    this.cipher = cipher;
    this.texts = texts;
    this.clock = clock;
  }

  @Scheduled(every = "${assistant.cases.mail.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    if (config.mail().enabled()) {
      sendDue();
    }
  }

  /** Sends what is due now, each mail at most once per run; returns how many were sent. */
  public int sendDue() {
    Instant now = Instant.now(clock);
    List<Long> due =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    CaseMail.<CaseMail>find(
                            "sentAt is null and nextTryAt <= ?1 and attempts < ?2 order by id", now, config.mail().maxAttempts())
                        .page(0, BATCH)
                        .stream()
                        .map(mail -> mail.id)
                        .toList());
    int sent = 0;
    for (Long id : due) {
      if (QuarkusTransaction.requiringNew().call(() -> send(id, now))) {
        sent++;
      }
    }
    return sent;
  }

  /** One mail, if no other instance holds it and it is still due: whether it went out. */
  private boolean send(Long id, Instant now) {
    CaseMail mail =
        CaseMail.<CaseMail>find("id = ?1 and sentAt is null", id)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
            .firstResult();
    if (mail == null) {
      return false; // sent meanwhile, or being sent by another instance
    }
    HandoverCase entity = HandoverCase.findById(mail.caseId);
    Optional<Mail> message = entity == null ? Optional.empty() : build(mail, entity);
    if (message.isEmpty()) {
      // The citizen deleted the contact, or retention did: nothing to send any more.
      mail.sentAt = now;
      mail.failure = "NO_RECIPIENT";
      return false;
    }
    mail.attempts++;
    try {
      mailer.send(message.get());
      mail.sentAt = Instant.now(clock);
      mail.failure = null;
      return true;
    } catch (RuntimeException e) {
      mail.failure = e.getClass().getSimpleName();
      mail.nextTryAt = now.plus(backoff(mail.attempts));
      LOG.warnf("E-mail %s for case %s not sent (attempt %d, %s); retried later", mail.kind, entity.number, mail.attempts, mail.failure);
      return false;
    }
  }

  private Duration backoff(int attempts) {
    Duration wait = config.mail().firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(config.mail().maxBackoff()) > 0 ? config.mail().maxBackoff() : wait;
  }

  private Optional<Mail> build(CaseMail mail, HandoverCase entity) {
    return switch (mail.kind) {
      case OFFICE_NOTICE -> officeNotice(entity);
      case CITIZEN_REPLY -> citizenReply(entity);
    };
  }

  /** To the office: that a case waits and where; no question, no contact data (the link leads to them). */
  private Optional<Mail> officeNotice(HandoverCase entity) {
    return offices
        .find(entity.office)
        .flatMap(
            office ->
                office
                    .email()
                    .map(
                        address ->
                            Mail.withText(
                                address,
                                texts.get(Language.DE, "case.mail.office.subject", entity.number, office.name(Language.DE)),
                                texts.get(
                                    Language.DE,
                                    "case.mail.office.body",
                                    entity.number,
                                    office.name(Language.DE),
                                    VIENNA_TIME.format(entity.expectedReplyBy),
                                    link(entity)))));
  }

  /** To the citizen: the clerk's reply, written by a person, with the case number. */
  private Optional<Mail> citizenReply(HandoverCase entity) {
    if (entity.replyText == null || entity.contactKind != ContactKind.EMAIL) {
      return Optional.empty();
    }
    Language language = languageOf(entity);
    return cipher
        .decrypt(entity.id, entity.contactEnc)
        .map(ContactData::parse)
        .filter(contact -> contact.kind() == ContactKind.EMAIL)
        .map(
            contact ->
                Mail.withText(
                    contact.value(),
                    texts.get(language, "case.mail.reply.subject", entity.number),
                    texts.get(language, "case.mail.reply.body", entity.number, entity.replyText, entity.replyBy)));
  }

  private String link(HandoverCase entity) {
    return config.publicUrl().replaceAll("/+$", "") + "/staff/cases/item?id=" + entity.id;
  }

  private static Language languageOf(HandoverCase entity) {
    try {
      return Language.fromCode(entity.language);
    } catch (IllegalArgumentException e) {
      return Language.DE;
    }
  }
}

package at.leoben.assistant.cases;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The clerks' side of the cases: the inbox of their offices, claim, reply, forward, close. Every
 * step is audited with the clerk's identity; a reply is the clerk's own text, shown to the citizen
 * as written by a person of the office.
 */
@ApplicationScoped
public class CaseDesk {

  static final String CLAIMED = "CASE_CLAIMED";
  static final String ANSWERED = "CASE_ANSWERED";
  static final String FORWARDED = "CASE_FORWARDED";
  static final String CLOSED = "CASE_CLOSED";

  private final Offices offices;
  private final ContactCipher cipher;
  private final AuditTrail audit;
  private final CaseOutbox outbox;
  private final Clock clock;

  CaseDesk(Offices offices, ContactCipher cipher, AuditTrail audit, CaseOutbox outbox, Clock clock) {
    this.offices = offices;
    this.cipher = cipher;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The clerk's inbox: cases of their offices (or one of them), by status, oldest first. */
  @Transactional
  public CaseDeskViews.Inbox inbox(StaffMember member, String office, String status) {
    List<String> mine = offices.of(member);
    List<String> shown = office == null || office.isBlank() ? mine : List.of(office.strip());
    if (!mine.containsAll(shown)) {
      throw ProblemException.badRequest("problem.case.office-unknown");
    }
    List<CaseStatus> statuses = statuses(status);
    Instant now = Instant.now(clock);
    List<CaseDeskViews.Summary> rows =
        HandoverCase.<HandoverCase>find("office in ?1 and status in ?2 order by createdAt", shown, statuses)
            .page(0, 500)
            .stream()
            .map(c -> summary(c, now))
            .toList();
    return new CaseDeskViews.Inbox(rows, mine);
  }

  @Transactional
  public CaseDeskViews.Detail detail(UUID id, StaffMember member) {
    return detail(load(id, member, false));
  }

  @Transactional
  public CaseDeskViews.Detail claim(UUID id, StaffMember member) {
    HandoverCase entity = load(id, member, true);
    if (entity.status == CaseStatus.CLAIMED && member.username().equals(entity.claimedBy)) {
      return detail(entity);
    }
    if (entity.status != CaseStatus.OPEN) {
      throw conflict(entity.status == CaseStatus.CLAIMED ? "problem.case.claimed-by-other" : "problem.case.not-open", entity.claimedBy);
    }
    entity.status = CaseStatus.CLAIMED;
    entity.claimedBy = member.username();
    entity.claimedAt = Instant.now(clock);
    audit.recordCase(CLAIMED, entity.conversationId, entity.office, null, member.username(), member.role(), "Fall " + entity.number);
    return detail(entity);
  }

  @Transactional
  public CaseDeskViews.Detail reply(UUID id, DeskInput.Reply input, StaffMember member) {
    HandoverCase entity = load(id, member, true);
    mustHold(entity, member);
    ReplyChannel channel = input.replyChannel();
    if (channel == ReplyChannel.EMAIL && entity.contactKind != ContactKind.EMAIL) {
      throw ProblemException.badRequest("problem.case.no-email");
    }
    if (channel == ReplyChannel.PHONE && entity.contactKind != ContactKind.PHONE) {
      throw ProblemException.badRequest("problem.case.no-phone");
    }
    Language language = Language.DE;
    entity.status = CaseStatus.ANSWERED;
    entity.replyText = input.text().strip();
    entity.replyBy = offices.find(entity.office).map(o -> o.name(language)).orElse(entity.office);
    entity.replyChannel = channel;
    entity.repliedAt = Instant.now(clock);
    audit.recordCase(ANSWERED, entity.conversationId, entity.office, entity.replyText, member.username(), member.role(),
        "Fall " + entity.number + "; Weg: " + channel);
    if (channel == ReplyChannel.EMAIL) {
      outbox.citizenReply(entity);
    }
    return detail(entity);
  }

  @Transactional
  public CaseDeskViews.Detail forward(UUID id, DeskInput.Forward input, StaffMember member) {
    HandoverCase entity = load(id, member, true);
    Offices.Office target =
        offices.find(input.office().strip()).orElseThrow(() -> ProblemException.badRequest("problem.case.office-unknown"));
    if (entity.status == CaseStatus.ANSWERED || entity.status == CaseStatus.CLOSED) {
      throw conflict("problem.case.not-open", null);
    }
    if (target.key().equals(entity.office)) {
      throw ProblemException.badRequest("problem.case.same-office");
    }
    String from = entity.office;
    entity.office = target.key();
    entity.status = CaseStatus.OPEN;
    entity.claimedBy = null;
    entity.claimedAt = null;
    Instant now = Instant.now(clock);
    Instant promised = offices.promise(target, now).by();
    // The citizen was promised a time: a forward may keep it or extend it to the new office's hours.
    entity.expectedReplyBy = promised.isAfter(entity.expectedReplyBy) ? promised : entity.expectedReplyBy;
    audit.recordCase(FORWARDED, entity.conversationId, target.key(), null, member.username(), member.role(),
        "Fall " + entity.number + "; von " + from + (input.comment() == null || input.comment().isBlank() ? "" : "; " + input.comment().strip()));
    outbox.officeNotice(entity);
    return detail(entity);
  }

  @Transactional
  public CaseDeskViews.Detail close(UUID id, DeskInput.Close input, StaffMember member) {
    HandoverCase entity = load(id, member, true);
    if (entity.status == CaseStatus.CLOSED) {
      throw conflict("problem.case.closed", null);
    }
    entity.status = CaseStatus.CLOSED;
    entity.closedAt = Instant.now(clock);
    entity.outcome = input.outcome().strip();
    audit.recordCase(CLOSED, entity.conversationId, entity.office, null, member.username(), member.role(),
        "Fall " + entity.number + "; " + entity.outcome);
    return detail(entity);
  }

  private void mustHold(HandoverCase entity, StaffMember member) {
    if (entity.status == CaseStatus.CLOSED || entity.status == CaseStatus.ANSWERED) {
      throw conflict("problem.case.not-open", null);
    }
    if (entity.status != CaseStatus.CLAIMED || !member.username().equals(entity.claimedBy)) {
      throw conflict("problem.case.claim-first", entity.claimedBy);
    }
  }

  private HandoverCase load(UUID id, StaffMember member, boolean forUpdate) {
    HandoverCase entity =
        forUpdate ? HandoverCase.findById(id, LockModeType.PESSIMISTIC_WRITE) : HandoverCase.findById(id);
    // A case of another office is as unknown to a clerk as one that does not exist.
    if (entity == null || !offices.of(member).contains(entity.office)) {
      throw new ProblemException(Status.NOT_FOUND, "problem.case.not-found.title", "problem.case.not-found");
    }
    return entity;
  }

  private CaseDeskViews.Detail detail(HandoverCase entity) {
    String contactValue =
        cipher.decrypt(entity.id, entity.contactEnc).map(ContactData::parse).map(ContactData::value).orElse(null);
    return new CaseDeskViews.Detail(
        summary(entity, Instant.now(clock)),
        entity.question,
        entity.conversationText,
        cipher.decrypt(entity.id, entity.noteEnc).orElse(null),
        new CaseDeskViews.Contact(entity.contactKind == null ? ContactKind.NONE : entity.contactKind, contactValue),
        entity.replyText == null ? null : CaseView.Reply.byPerson(entity.replyText, entity.replyBy, entity.repliedAt),
        entity.replyChannel,
        entity.closedAt,
        entity.outcome,
        entity.personalDataDeletedAt != null,
        entity.version);
  }

  private CaseDeskViews.Summary summary(HandoverCase c, Instant now) {
    boolean waiting = c.status == CaseStatus.OPEN || c.status == CaseStatus.CLAIMED;
    return new CaseDeskViews.Summary(
        c.id,
        c.number,
        c.office,
        offices.find(c.office).map(o -> o.name(Language.DE)).orElse(c.office),
        c.status,
        c.reason,
        c.area,
        c.createdAt,
        c.expectedReplyBy,
        waiting && c.expectedReplyBy.isBefore(now),
        c.claimedBy,
        c.contactKind);
  }

  private static List<CaseStatus> statuses(String status) {
    if (status == null || status.isBlank()) {
      return List.of(CaseStatus.OPEN, CaseStatus.CLAIMED, CaseStatus.ANSWERED);
    }
    if ("all".equalsIgnoreCase(status.strip())) {
      return List.of(CaseStatus.values());
    }
    try {
      return List.of(CaseStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("problem.case.status");
    }
  }

  private static ProblemException conflict(String key, String claimedBy) {
    return new ProblemException(Status.CONFLICT, "problem.case.conflict.title", key, claimedBy == null ? "" : claimedBy);
  }
}

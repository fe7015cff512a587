package at.leoben.assistant.cases;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.chat.ConversationAccess;
import at.leoben.assistant.chat.ConversationTokens;
import at.leoben.assistant.chat.HandedOverConversation;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The citizen's side of a case: hand the question over (with consent, the case, its audit entry
 * and the office's e-mail in one transaction), read it and its reply, delete it, all with the
 * conversation's token.
 */
@ApplicationScoped
public class CitizenCases {

  static final String OPENED = "CASE_OPENED";
  static final String DELETED = "CASE_DELETED";
  private static final String NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConversationAccess conversations;
  private final Offices offices;
  private final ContactCipher cipher;
  private final AuditTrail audit;
  private final CaseOutbox outbox;
  private final Texts texts;
  private final Clock clock;

  CitizenCases(
      ConversationAccess conversations,
      Offices offices,
      ContactCipher cipher,
      AuditTrail audit,
      CaseOutbox outbox,
      Texts texts,
      Clock clock) {
    this.conversations = conversations;
    this.offices = offices;
    this.cipher = cipher;
    this.audit = audit;
    this.outbox = outbox;
    this.texts = texts;
    this.clock = clock;
  }

  @Transactional
  public HandoverReceipt handover(String conversationId, String token, HandoverInput input) {
    // Contact is checked before anything is read or written: bad input stores nothing.
    ContactData contact = ContactData.of(input.contact());
    String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
    if ((contact.kind() != ContactKind.NONE || note != null) && !cipher.available()) {
      throw new ProblemException(
          Status.SERVICE_UNAVAILABLE, "problem.case.contact-unavailable.title", "problem.case.contact-unavailable");
    }
    HandedOverConversation conversation = conversations.forHandover(conversationId, token);
    if (HandoverCase.count("conversationId = ?1 and status <> ?2", conversation.conversationId(), CaseStatus.CLOSED) > 0) {
      throw new ProblemException(Status.CONFLICT, "problem.case.exists.title", "problem.case.exists");
    }
    Language language = language(conversation.language());
    Offices.Office office = offices.route(conversation.reason(), conversation.area());
    Instant now = Instant.now(clock);
    Offices.Promise promise = offices.promise(office, now);

    HandoverCase entity = new HandoverCase();
    entity.id = UUID.randomUUID();
    entity.number = newNumber();
    entity.conversationId = conversation.conversationId();
    entity.tokenHash = conversation.tokenHash();
    entity.language = language.code();
    entity.office = office.key();
    entity.reason = conversation.reason() == null ? null : conversation.reason().name();
    entity.area = conversation.area();
    entity.status = CaseStatus.OPEN;
    entity.question = conversation.question();
    if (Boolean.TRUE.equals(input.includeConversation())) {
      entity.conversationText = transcript(conversation.lines());
    }
    entity.noteEnc = cipher.encrypt(entity.id, note);
    entity.contactKind = contact.kind();
    entity.contactEnc = contact.kind() == ContactKind.NONE ? null : cipher.encrypt(entity.id, contact.serialised());
    entity.createdAt = now;
    entity.expectedReplyBy = promise.by();
    entity.persist();

    audit.recordCase(OPENED, entity.conversationId, office.key(), null, null, null,
        "Fall " + entity.number + "; Kontakt: " + contact.kind() + (entity.conversationText != null ? "; mit Verlauf" : ""));
    outbox.officeNotice(entity);
    return new HandoverReceipt(
        entity.id,
        entity.number,
        office.key(),
        office.name(language),
        entity.status,
        promise.from().toInstant(),
        promise.by(),
        contact.kind(),
        promiseText(language, entity.number, office, promise, now));
  }

  @Transactional
  public CaseView show(String caseId, String token) {
    HandoverCase entity = authorized(caseId, token);
    return view(entity);
  }

  /** The citizen withdraws the case: it is deleted with its contact data and any mail not yet sent. */
  @Transactional
  public void delete(String caseId, String token) {
    HandoverCase entity = authorized(caseId, token);
    CaseMail.delete("caseId", entity.id);
    audit.recordCase(DELETED, entity.conversationId, entity.office, null, null, null, "Fall " + entity.number);
    entity.delete();
  }

  CaseView view(HandoverCase entity) {
    Language language = language(entity.language);
    CaseView.Reply reply =
        entity.replyText == null ? null : CaseView.Reply.byPerson(entity.replyText, entity.replyBy, entity.repliedAt);
    return new CaseView(
        entity.id,
        entity.number,
        entity.status,
        entity.office,
        offices.find(entity.office).map(o -> o.name(language)).orElse(entity.office),
        entity.createdAt,
        entity.expectedReplyBy,
        reply,
        entity.status == CaseStatus.CLOSED ? entity.outcome : null);
  }

  private HandoverCase authorized(String caseId, String token) {
    UUID id;
    try {
      id = UUID.fromString(caseId);
    } catch (IllegalArgumentException e) {
      throw notFound();
    }
    HandoverCase entity = HandoverCase.findById(id);
    if (entity == null) {
      throw notFound();
    }
    if (token == null || token.isBlank()) {
      throw new ProblemException(
          Status.UNAUTHORIZED, "problem.conversation.token-missing.title", "problem.conversation.token-missing");
    }
    if (!ConversationTokens.matches(token, entity.tokenHash)) {
      throw new ProblemException(Status.FORBIDDEN, "problem.conversation.token-wrong.title", "problem.case.token-wrong");
    }
    return entity;
  }

  private static ProblemException notFound() {
    return new ProblemException(Status.NOT_FOUND, "problem.case.not-found.title", "problem.case.not-found");
  }

  /** "… am Montag, 7. Dezember ab 08:00 Uhr …" or, while the office is open, "… heute bis 16:00 Uhr …". */
  private String promiseText(Language language, String number, Offices.Office office, Offices.Promise promise, Instant now) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE, d. MMMM", language.locale());
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", language.locale());
    boolean openNow = !promise.from().toInstant().isAfter(now);
    var by = promise.by().atZone(promise.from().getZone());
    return openNow
        ? texts.get(language, "case.receipt.open-now", number, office.name(language), time.format(by))
        : texts.get(language, "case.receipt.later", number, office.name(language), day.format(promise.from()), time.format(promise.from()), time.format(by));
  }

  /** The conversation for the office; AI answers are marked so no one takes them for the city's word. */
  private String transcript(List<HandedOverConversation.Line> lines) {
    return lines.stream()
        .map(line -> ("CITIZEN".equals(line.author()) ? "Bürger:in" : line.aiGenerated() ? "Assistent (KI-generiert)" : "Assistent") + ": " + line.text())
        .collect(Collectors.joining("\n\n"));
  }

  private static Language language(String code) {
    try {
      return Language.fromCode(code);
    } catch (IllegalArgumentException e) {
      return Language.DE; // the offices answer in German when the conversation's language has no texts here
    }
  }

  private static String newNumber() {
    StringBuilder number = new StringBuilder("A-");
    for (int i = 0; i < 6; i++) {
      number.append(NUMBER_ALPHABET.charAt(RANDOM.nextInt(NUMBER_ALPHABET.length())));
    }
    return number.toString();
  }
}

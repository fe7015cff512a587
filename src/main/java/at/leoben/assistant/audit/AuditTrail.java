package at.leoben.assistant.audit;

import at.leoben.assistant.disclosure.Responsible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail. Every method joins the caller's transaction ({@code MANDATORY}): an entry is
 * written together with what it records, or not at all.
 */
@ApplicationScoped
public class AuditTrail {

  static final String TURN = "TURN";
  static final String TURN_STARTED = "TURN_STARTED";
  static final String CONVERSATION_ERASED = "CONVERSATION_ERASED";
  public static final String REVIEW_DECISION = "REVIEW_DECISION";
  public static final String APPROVED_ANSWER_WITHDRAWN = "APPROVED_ANSWER_WITHDRAWN";
  static final String RETENTION = "RETENTION";
  static final String MODEL_CHECK = "MODEL_CHECK";
  /** The model's reading of a citizen's message (which model, tokens, what it read or why it failed). */
  static final String UNDERSTANDING = "UNDERSTANDING";
  /** The notice or the AI switch changed (crisis controls of the Digital.Team). */
  public static final String NOTICE = "NOTICE";
  public static final String AI_SWITCH = "AI_SWITCH";

  private final Responsible responsible;
  private final AuditChain chain;
  private final Clock clock;

  AuditTrail(Responsible responsible, AuditChain chain, Clock clock) {
    this.responsible = responsible;
    this.chain = chain;
    this.clock = clock;
  }

  @Transactional(TxType.MANDATORY)
  public void recordTurn(AuditRecord record) {
    AuditEntry entry = newEntry(TURN, record.conversationId());
    entry.messageId = record.messageId();
    entry.kind = record.kind();
    entry.reason = record.reason();
    entry.question = record.question();
    entry.answer = record.answer();
    entry.model = record.model();
    entry.promptVersion = record.promptVersion();
    entry.latencyMs = record.latencyMs();
    entry.inputTokens = record.inputTokens();
    entry.outputTokens = record.outputTokens();
    entry.failure = record.failure();
    entry.reusedFrom = record.reusedFrom();
    entry.area = record.area();
    chain.append(entry);
  }

  /**
   * A streamed AI answer is about to reach a citizen, before its first word: the question, the
   * model and the responsible human. The {@link #recordTurn turn entry} for the same {@code
   * messageId} completes it (the answer, or why it was withheld or failed); an entry without one
   * is an answer that was shown, in part or whole, but could not be stored.
   */
  @Transactional(TxType.MANDATORY)
  public void recordTurnStarted(UUID conversationId, UUID messageId, String question, String model) {
    AuditEntry entry = newEntry(TURN_STARTED, conversationId);
    entry.messageId = messageId;
    entry.question = question;
    entry.model = model;
    entry.note = "answer in progress";
    chain.append(entry);
  }

  /**
   * The model read a citizen's message to route it (issue 16): the model and the reader's prompt, its tokens and time,
   * what it read ({@code kind} the intent, {@code area}) or why there was no reading ({@code
   * failure}), the language it read. No text: the question is in the turn's own entry.
   */
  @Transactional(TxType.MANDATORY)
  public void recordUnderstanding(
      UUID conversationId,
      String model,
      String promptVersion,
      String intent,
      String area,
      String language,
      String failure,
      long latencyMs,
      Integer inputTokens,
      Integer outputTokens) {
    AuditEntry entry = newEntry(UNDERSTANDING, conversationId);
    entry.model = model;
    entry.promptVersion = promptVersion;
    entry.kind = intent;
    entry.area = area;
    entry.failure = failure;
    entry.latencyMs = latencyMs;
    entry.inputTokens = inputTokens;
    entry.outputTokens = outputTokens;
    entry.note = language == null ? "routing only, no answer" : "routing only, no answer; language " + language;
    chain.append(entry);
  }

  /** Something a member of staff did, naming them. */
  @Transactional(TxType.MANDATORY)
  public void recordStaffAction(StaffAction action) {
    AuditEntry entry = newEntry(action.event(), action.conversationId());
    entry.messageId = action.messageId();
    entry.kind = action.kind();
    entry.answer = action.text();
    entry.actor = action.actor();
    entry.actorRole = action.actorRole();
    entry.note = action.note();
    chain.append(entry);
  }

  /**
   * A member of staff changed the notice or the AI switch ({@code event} {@link #NOTICE} or {@link
   * #AI_SWITCH}): what ({@code kind}), the notice's text, who, and the reason, channel and times
   * ({@code note}).
   */
  @Transactional(TxType.MANDATORY)
  public void recordControl(String event, String kind, String text, String actor, String actorRole, String note) {
    recordStaffAction(new StaffAction(event, null, null, kind, text, actor, actorRole, note));
  }

  /**
   * A step of a hand-over case (CASE_OPENED, CASE_CLAIMED, CASE_ANSWERED, …): the office, a clerk's
   * reply text, who did it (null for the citizen) and a note; never the citizen's contact data.
   */
  @Transactional(TxType.MANDATORY)
  public void recordCase(
      String event, UUID conversationId, String office, String text, String actor, String actorRole, String note) {
    AuditEntry entry = newEntry(event, conversationId);
    entry.kind = office;
    entry.answer = text;
    entry.actor = actor;
    entry.actorRole = actorRole;
    entry.note = note;
    chain.append(entry);
  }

  /** What staff did about one reply, oldest first. */
  @Transactional(TxType.SUPPORTS)
  public List<StaffAction.Recorded> staffActionsOn(UUID messageId) {
    return AuditEntry.<AuditEntry>list("messageId = ?1 and actor is not null order by id", messageId).stream()
        .map(e -> new StaffAction.Recorded(e.occurredAt, e.event, e.kind, e.actor, e.actorRole, e.note))
        .toList();
  }

  /**
   * A citizen erased a conversation: its questions and answers in the audit are replaced by their
   * SHA-256 digest (what was said is gone, that something was said stays provable), and the
   * erasure itself is recorded.
   */
  @Transactional(TxType.MANDATORY)
  public void recordErasure(UUID conversationId) {
    chain.eraseConversation(conversationId);
    chain.append(newEntry(CONVERSATION_ERASED, conversationId));
  }

  /** The retention job removed content: what ({@code kind}) and how much, no content itself. */
  @Transactional(TxType.MANDATORY)
  public void recordRetention(String kind, int count) {
    AuditEntry entry = newEntry(RETENTION, null);
    entry.kind = kind;
    entry.note = count + " removed";
    chain.append(entry);
  }

  /**
   * The served model's approval changed ({@code state}: APPROVED, DRIFTED, …); {@code note} names
   * the digests. Written by the service itself, so no actor.
   */
  @Transactional(TxType.MANDATORY)
  public void recordModelCheck(String model, String state, String note) {
    AuditEntry entry = newEntry(MODEL_CHECK, null);
    entry.model = model;
    entry.kind = state;
    entry.note = note;
    chain.append(entry);
  }

  private AuditEntry newEntry(String event, UUID conversationId) {
    AuditEntry entry = new AuditEntry();
    entry.occurredAt = Instant.now(clock);
    entry.event = event;
    entry.conversationId = conversationId;
    entry.responsibleName = responsible.name();
    entry.responsibleRole = responsible.role();
    entry.responsibleContact = responsible.contact();
    return entry;
  }
}

package at.leoben.assistant.review;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.audit.StaffAction;
import at.leoben.assistant.disclosure.Provenance;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Answers clerks approved or corrected. A later question that matches closely gets one of them
 * without a model call; admins withdraw what is no longer right.
 */
@ApplicationScoped
public class ApprovedAnswers {

  /** Who withdrew an answer when a source's change went live without an editor. */
  static final String KNOWLEDGE_CHANGE = "knowledge-change";

  /** An approved answer as the chat gives it again and as staff list it. */
  public record InForce(
      UUID id,
      UUID sourceMessageId,
      ReviewStatus decision,
      String text,
      String sourcesJson,
      @JsonUnwrapped Provenance provenance,
      String approvedBy,
      String approvedRole,
      Instant approvedAt,
      Instant withdrawnAt) {

    public boolean isModelMade() {
      return provenance != null && provenance.model() != null;
    }
  }

  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;

  public ApprovedAnswers(AuditTrail audit, ObjectMapper json, Clock clock) {
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** The approved answer in force for this question, if any. */
  @Transactional
  public Optional<InForce> find(String questionKey) {
    return ApprovedAnswer.<ApprovedAnswer>find("questionKey = ?1 and withdrawnAt is null", questionKey)
        .firstResultOptional()
        .map(ApprovedAnswers::view);
  }

  @Transactional
  public List<InForce> list(boolean includeWithdrawn) {
    String query = includeWithdrawn ? "order by approvedAt desc" : "withdrawnAt is null order by approvedAt desc";
    return ApprovedAnswer.<ApprovedAnswer>list(query).stream().map(ApprovedAnswers::view).toList();
  }

  @Transactional
  public InForce withdraw(UUID id, StaffMember admin) {
    ApprovedAnswer answer = ApprovedAnswer.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (answer == null) {
      throw new ProblemException(Status.NOT_FOUND, "problem.not-found.title", "problem.approved.not-found");
    }
    if (answer.withdrawnAt != null) {
      throw new ProblemException(Status.CONFLICT, "problem.review.title", "problem.approved.already-withdrawn");
    }
    answer.withdrawnAt = Instant.now(clock);
    answer.withdrawnBy = admin.username();
    audit.recordStaffAction(
        new StaffAction(
            AuditTrail.APPROVED_ANSWER_WITHDRAWN,
            null,
            answer.sourceMessageId,
            answer.decision.name(),
            null,
            admin.username(),
            admin.role(),
            null));
    return view(answer);
  }

  /**
   * The knowledge an answer was built on changed: every answer in force that cites one of {@code
   * changedLinks} (a passage's deep link) is withdrawn, audited with why. {@code by} is the editor
   * who put the change live, or null when the source's changes go live on their own.
   *
   * @return how many answers were withdrawn
   */
  @Transactional(TxType.MANDATORY)
  public int withdrawCiting(Set<String> changedLinks, StaffMember by, String why) {
    if (changedLinks.isEmpty()) {
      return 0;
    }
    int withdrawn = 0;
    for (ApprovedAnswer answer : ApprovedAnswer.<ApprovedAnswer>list("withdrawnAt is null and sources is not null")) {
      if (citedLinks(answer.sources).stream().noneMatch(changedLinks::contains)) {
        continue;
      }
      answer.withdrawnAt = Instant.now(clock);
      answer.withdrawnBy = by == null ? KNOWLEDGE_CHANGE : by.username();
      audit.recordStaffAction(
          new StaffAction(
              AuditTrail.APPROVED_ANSWER_WITHDRAWN,
              null,
              answer.sourceMessageId,
              answer.decision.name(),
              null,
              by == null ? null : by.username(),
              by == null ? null : by.role(),
              why));
      withdrawn++;
    }
    return withdrawn;
  }

  private List<String> citedLinks(String sources) {
    try {
      List<String> links = new ArrayList<>();
      for (JsonNode source : json.readTree(sources)) {
        if (source.hasNonNull("url")) {
          links.add(source.get("url").asText());
        }
      }
      return links;
    } catch (JsonProcessingException e) {
      return List.of(); // no readable citation: nothing to match
    }
  }

  /** A clerk rejected a reply that was an approved answer: it is no longer given. */
  @Transactional(TxType.MANDATORY)
  void withdrawFor(String questionKey, StaffMember clerk) {
    ApprovedAnswer.<ApprovedAnswer>find("questionKey = ?1 and withdrawnAt is null", questionKey)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional()
        .ifPresent(
            answer -> {
              answer.withdrawnAt = Instant.now(clock);
              answer.withdrawnBy = clerk.username();
            });
  }

  /**
   * Puts a reviewed reply in force for its question; an earlier answer to the same question is
   * superseded (withdrawn by the same clerk).
   */
  @Transactional(TxType.MANDATORY)
  void adopt(ReviewItem item, ReviewedConversations.Reply reply, String text, StaffMember clerk) {
    Instant now = Instant.now(clock);
    ApprovedAnswer.<ApprovedAnswer>find("questionKey = ?1 and withdrawnAt is null", reply.questionKey())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional()
        .ifPresent(
            earlier -> {
              earlier.withdrawnAt = now;
              earlier.withdrawnBy = clerk.username();
              // Free the question for the new answer before it is inserted (partial unique index).
              Panache.getEntityManager().flush();
            });
    ApprovedAnswer answer = new ApprovedAnswer();
    answer.id = UUID.randomUUID();
    answer.questionKey = reply.questionKey();
    answer.reviewItemId = item.id;
    answer.sourceMessageId = reply.messageId();
    answer.decision = item.status;
    answer.answer = text;
    answer.sources = reply.sourcesJson();
    answer.provenance = reply.provenance();
    answer.approvedBy = clerk.username();
    answer.approvedRole = clerk.role();
    answer.approvedAt = now;
    answer.persist();
  }

  private static InForce view(ApprovedAnswer a) {
    return new InForce(
        a.id,
        a.sourceMessageId,
        a.decision,
        a.answer,
        a.sources,
        a.provenance,
        a.approvedBy,
        a.approvedRole,
        a.approvedAt,
        a.withdrawnAt);
  }
}

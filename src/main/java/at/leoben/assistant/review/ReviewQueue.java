package at.leoben.assistant.review;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.audit.StaffAction;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.privacy.Redactor;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The clerks' work: list the queue, look at an item, claim it (one clerk at a time), decide.
 * A decision is audited with the clerk's name, shown to the citizen, and an approved or
 * corrected answer is put in force for its question.
 */
@ApplicationScoped
public class ReviewQueue {

  private static final int EXCERPT_LENGTH = 160;

  private final ReviewedConversations conversations;
  private final ApprovedAnswers approvedAnswers;
  private final AuditTrail audit;
  private final Redactor redactor;
  private final Clock clock;

  public ReviewQueue(
      ReviewedConversations conversations,
      ApprovedAnswers approvedAnswers,
      AuditTrail audit,
      Redactor redactor,
      Clock clock) {
    this.conversations = conversations;
    this.approvedAnswers = approvedAnswers;
    this.audit = audit;
    this.redactor = redactor;
    this.clock = clock;
  }

  /** Oldest first; without a status filter, the items that still need someone. */
  @Transactional
  public ReviewViews.Page list(ReviewFilter filter) {
    StringBuilder where = new StringBuilder();
    Parameters parameters = new Parameters();
    if (filter.status() != null) {
      where.append("i.status = :status");
      parameters.and("status", filter.status());
    } else {
      where.append("i.status in (:open)");
      parameters.and("open", List.of(ReviewStatus.OPEN, ReviewStatus.IN_REVIEW));
    }
    if (filter.reason() != null) {
      where.append(" and exists (select 1 from ReviewFlag f where f.messageId = i.messageId and f.reason = :reason)");
      parameters.and("reason", filter.reason());
    }
    if (filter.minAge() != null) {
      where.append(" and i.createdAt <= :before");
      parameters.and("before", Instant.now(clock).minus(filter.minAge()));
    }
    var query = ReviewItem.<ReviewItem>find("from ReviewItem i where " + where + " order by i.createdAt, i.id", parameters);
    long total = query.count();
    List<ReviewItem> items = query.page(filter.page(), filter.size()).list();
    List<UUID> messageIds = items.stream().map(item -> item.messageId).toList();
    Map<UUID, List<String>> reasons = reasonsOf(messageIds);
    Map<UUID, ReviewedConversations.Reply> replies = conversations.replies(messageIds);
    List<ReviewViews.Summary> summaries = new ArrayList<>();
    for (ReviewItem item : items) {
      ReviewedConversations.Reply reply = replies.get(item.messageId);
      summaries.add(
          new ReviewViews.Summary(
              item.id,
              item.messageId,
              item.conversationId,
              item.status,
              reasons.getOrDefault(item.messageId, List.of()),
              reply == null || reply.kind() == null ? null : reply.kind().name(),
              reply == null ? null : excerpt(reply.text()),
              item.createdAt,
              item.claimedBy,
              item.decidedBy,
              item.decidedAt,
              item.version));
    }
    return new ReviewViews.Page(summaries, total, filter.page(), filter.size());
  }

  @Transactional
  public ReviewViews.Detail detail(UUID id) {
    return detail(find(id, LockModeType.NONE));
  }

  @Transactional
  public ReviewViews.Detail claim(UUID id, StaffMember clerk) {
    ReviewItem item = find(id, LockModeType.PESSIMISTIC_WRITE);
    if (item.status.isDecided()) {
      throw conflict("problem.review.already-decided", item.status.name());
    }
    if (item.status == ReviewStatus.IN_REVIEW) {
      if (clerk.username().equals(item.claimedBy)) {
        return detail(item);
      }
      throw conflict("problem.review.already-claimed", item.claimedBy);
    }
    item.status = ReviewStatus.IN_REVIEW;
    item.claimedBy = clerk.username();
    item.claimedAt = Instant.now(clock);
    return flushed(item);
  }

  /** Gives a claimed item back to the queue: the clerk who claimed it, or an admin. */
  @Transactional
  public ReviewViews.Detail release(UUID id, StaffMember member) {
    ReviewItem item = find(id, LockModeType.PESSIMISTIC_WRITE);
    if (item.status != ReviewStatus.IN_REVIEW) {
      throw conflict(item.status.isDecided() ? "problem.review.already-decided" : "problem.review.not-claimed", item.status.name());
    }
    if (!member.username().equals(item.claimedBy) && !member.isAdmin()) {
      throw conflict("problem.review.claimed-by-other", item.claimedBy);
    }
    item.status = ReviewStatus.OPEN;
    item.claimedBy = null;
    item.claimedAt = null;
    return flushed(item);
  }

  @Transactional
  public ReviewViews.Detail decide(UUID id, @NotNull(message = "problem.review.decision.unknown") @Valid DecisionInput input, StaffMember clerk) {
    Decision decision = decision(input);
    ReviewItem item = find(id, LockModeType.PESSIMISTIC_WRITE);
    if (item.status.isDecided()) {
      throw conflict("problem.review.already-decided", item.status.name());
    }
    if (item.status != ReviewStatus.IN_REVIEW) {
      throw conflict("problem.review.not-claimed");
    }
    if (!clerk.username().equals(item.claimedBy)) {
      throw conflict("problem.review.claimed-by-other", item.claimedBy);
    }
    if (input.version() != item.version) {
      throw conflict("problem.review.stale");
    }
    Instant now = Instant.now(clock);
    item.status = decision.status();
    item.decidedBy = clerk.username();
    item.decidedRole = clerk.role();
    item.decidedAt = now;
    item.decisionComment = redactor.redact(decision.comment());
    item.correctedText = redactor.redact(decision.correctedText());
    conversations.applyDecision(item.messageId, item.status, item.correctedText, clerk.role(), now);
    audit.recordStaffAction(
        new StaffAction(
            AuditTrail.REVIEW_DECISION,
            item.conversationId,
            item.messageId,
            item.status.name(),
            item.correctedText,
            clerk.username(),
            clerk.role(),
            item.decisionComment));
    ReviewedConversations.Reply reply = conversations.replies(List.of(item.messageId)).get(item.messageId);
    if (reply != null && isApprovedAnswer(reply) && item.status == ReviewStatus.REJECTED) {
      // The approved answer itself was wrong: no one gets it again.
      approvedAnswers.withdrawFor(reply.questionKey(), clerk);
    } else if (reply != null && becomesReusable(item.status, reply)) {
      approvedAnswers.adopt(
          item, reply, item.status == ReviewStatus.CORRECTED ? item.correctedText : reply.text(), clerk);
    }
    return flushed(item);
  }

  /** Backlog for the metrics: items that need someone, and when the oldest of them came. */
  @Transactional
  public Backlog backlog() {
    Object[] row =
        (Object[])
            Panache.getEntityManager()
                .createQuery(
                    "select count(i), min(i.createdAt) from ReviewItem i where i.status in (:open)")
                .setParameter("open", List.of(ReviewStatus.OPEN, ReviewStatus.IN_REVIEW))
                .getSingleResult();
    long inReview = ReviewItem.count("status", ReviewStatus.IN_REVIEW);
    return new Backlog(((Number) row[0]).longValue(), inReview, (Instant) row[1]);
  }

  public record Backlog(long waiting, long inReview, Instant oldestCreatedAt) {}

  /**
   * An answer with a question of its own becomes reusable when it was model-made and approved or
   * corrected, or when a clerk wrote one where the assistant had no knowledge.
   */
  private static boolean becomesReusable(ReviewStatus status, ReviewedConversations.Reply reply) {
    if (reply.questionKey() == null || status == ReviewStatus.REJECTED) {
      return false;
    }
    if (isApprovedAnswer(reply) && status == ReviewStatus.APPROVED) {
      return false; // already in force
    }
    return reply.isModelMade() || status == ReviewStatus.CORRECTED;
  }

  private static boolean isApprovedAnswer(ReviewedConversations.Reply reply) {
    return reply.kind() == ReplyKind.HUMAN_APPROVED && reply.questionKey() != null;
  }

  private record Decision(ReviewStatus status, String comment, String correctedText) {}

  /** A validated decision, its texts trimmed; a correction only with a correcting decision. */
  private static Decision decision(DecisionInput input) {
    ReviewStatus status = input.status();
    String corrected = status == ReviewStatus.CORRECTED ? input.correctedText().strip() : null;
    return new Decision(status, input.comment().strip(), corrected);
  }

  private ReviewItem find(UUID id, LockModeType lock) {
    ReviewItem item = ReviewItem.findById(id, lock);
    if (item == null) {
      throw new ProblemException(Status.NOT_FOUND, "problem.not-found.title", "problem.review.not-found");
    }
    return item;
  }

  /** Flushes first, so the view shows the version the next decision must name. */
  private ReviewViews.Detail flushed(ReviewItem item) {
    Panache.getEntityManager().flush();
    return detail(item);
  }

  private ReviewViews.Detail detail(ReviewItem item) {
    List<ReviewViews.Flag> flags =
        ReviewFlag.<ReviewFlag>list("messageId = ?1 order by id", item.messageId).stream()
            .map(f -> new ReviewViews.Flag(f.reason.name(), f.severity, f.detail, f.withheldText, f.createdAt))
            .toList();
    List<ReviewViews.Rating> feedback =
        Feedback.<Feedback>list("messageId = ?1 order by id", item.messageId).stream()
            .map(
                f ->
                    new ReviewViews.Rating(
                        f.rating,
                        f.reasons == null ? List.of() : Arrays.asList(f.reasons.split(",")),
                        f.comment,
                        f.createdAt))
            .toList();
    return new ReviewViews.Detail(
        item.id,
        item.messageId,
        item.conversationId,
        item.status,
        item.version,
        item.createdAt,
        item.claimedBy,
        item.claimedAt,
        item.decidedBy,
        item.decidedRole,
        item.decidedAt,
        item.decisionComment,
        item.correctedText,
        conversations.replies(List.of(item.messageId)).get(item.messageId),
        flags,
        feedback,
        conversations.conversation(item.conversationId),
        audit.staffActionsOn(item.messageId));
  }

  private static Map<UUID, List<String>> reasonsOf(List<UUID> messageIds) {
    Map<UUID, TreeSet<String>> reasons = new LinkedHashMap<>();
    if (!messageIds.isEmpty()) {
      List<Object[]> rows =
          Panache.getEntityManager()
              .createQuery(
                  "select distinct f.messageId, f.reason from ReviewFlag f where f.messageId in (:ids)", Object[].class)
              .setParameter("ids", messageIds)
              .getResultList();
      for (Object[] row : rows) {
        reasons.computeIfAbsent((UUID) row[0], id -> new TreeSet<>()).add(((FlagReason) row[1]).name());
      }
    }
    Map<UUID, List<String>> result = new LinkedHashMap<>();
    reasons.forEach((id, set) -> result.put(id, List.copyOf(set)));
    return result;
  }

  private static String excerpt(String text) {
    if (text == null || text.length() <= EXCERPT_LENGTH) {
      return text;
    }
    return text.substring(0, EXCERPT_LENGTH).strip() + " …";
  }

  private static ProblemException conflict(String detailKey, Object... arguments) {
    return new ProblemException(Status.CONFLICT, "problem.review.title", detailKey, arguments);
  }
}

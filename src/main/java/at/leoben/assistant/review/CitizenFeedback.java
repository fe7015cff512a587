package at.leoben.assistant.review;

import at.leoben.assistant.privacy.Redactor;
import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Citizens rate replies; a thumbs-down puts the reply into the review queue. */
@ApplicationScoped
public class CitizenFeedback {

  static final int MAX_COMMENT_LENGTH = 1000;
  static final Set<String> REASONS = Set.of("wrong", "outdated", "unclear", "incomplete", "offensive", "other");

  private final ReviewedConversations conversations;
  private final Flags flags;
  private final Redactor redactor;
  private final Clock clock;

  public CitizenFeedback(ReviewedConversations conversations, Flags flags, Redactor redactor, Clock clock) {
    this.conversations = conversations;
    this.flags = flags;
    this.redactor = redactor;
    this.clock = clock;
  }

  @Transactional
  public FeedbackReceipt rate(UUID messageId, FeedbackInput input) {
    if (input == null || input.rating() == null) {
      throw ProblemException.badRequest("problem.feedback.rating");
    }
    String rating = input.rating().strip().toLowerCase(Locale.ROOT);
    if (!rating.equals("up") && !rating.equals("down")) {
      throw ProblemException.badRequest("problem.feedback.rating");
    }
    String comment = input.comment() == null ? null : input.comment().strip();
    if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT_LENGTH) {
      throw ProblemException.badRequest("problem.feedback.comment.too-long", MAX_COMMENT_LENGTH);
    }
    Set<String> reasons = new LinkedHashSet<>();
    for (String reason : input.reasons() == null ? List.<String>of() : input.reasons()) {
      String tag = reason == null ? "" : reason.strip().toLowerCase(Locale.ROOT);
      if (!REASONS.contains(tag)) {
        throw ProblemException.badRequest("problem.feedback.reason", String.join(", ", REASONS.stream().sorted().toList()));
      }
      reasons.add(tag);
    }
    ReviewedConversations.Reply reply = conversations.replies(List.of(messageId)).get(messageId);
    if (reply == null) {
      throw new ProblemException(Status.NOT_FOUND, "problem.not-found.title", "problem.feedback.not-found");
    }
    // A second rating replaces the first.
    Feedback.delete("messageId", messageId);
    Feedback feedback = new Feedback();
    feedback.messageId = messageId;
    feedback.conversationId = reply.conversationId();
    feedback.rating = rating.toUpperCase(Locale.ROOT);
    feedback.reasons = reasons.isEmpty() ? null : String.join(",", reasons);
    feedback.comment = comment == null || comment.isEmpty() ? null : redactor.redact(comment);
    feedback.createdAt = Instant.now(clock);
    feedback.persist();
    boolean down = rating.equals("down");
    if (down) {
      flags.raise(
          reply.conversationId(),
          messageId,
          List.of(FlagRequest.flag(FlagRequest.CITIZEN_FEEDBACK, reasons.isEmpty() ? "thumbs down" : "thumbs down: " + feedback.reasons)));
    }
    return new FeedbackReceipt(messageId, rating, down);
  }
}

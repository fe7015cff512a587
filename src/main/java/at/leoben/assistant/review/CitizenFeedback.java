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

  /** Rates a reply with a validated {@link FeedbackInput}. */
  @Transactional
  public FeedbackReceipt rate(UUID messageId, FeedbackInput input) {
    String rating = input.rating().strip().toLowerCase(Locale.ROOT);
    String comment = input.comment() == null ? null : input.comment().strip();
    Set<String> reasons = new LinkedHashSet<>();
    for (String reason : input.reasons() == null ? List.<String>of() : input.reasons()) {
      reasons.add(reason.strip().toLowerCase(Locale.ROOT));
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
          List.of(FlagRequest.flag(FlagReason.CITIZEN_FEEDBACK, reasons.isEmpty() ? "thumbs down" : "thumbs down: " + feedback.reasons)));
    }
    return new FeedbackReceipt(messageId, rating, down);
  }
}

package at.leoben.assistant.review;

import at.leoben.assistant.audit.StaffAction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What staff see of the queue: a page of summaries, one item in full. */
public final class ReviewViews {

  private ReviewViews() {}

  public record Summary(
      UUID id,
      UUID messageId,
      UUID conversationId,
      ReviewStatus status,
      List<String> reasons,
      String replyKind,
      String excerpt,
      Instant createdAt,
      String claimedBy,
      String decidedBy,
      Instant decidedAt,
      int version) {}

  public record Page(List<Summary> items, long total, int page, int size) {

    public boolean hasPrevious() {
      return page > 0;
    }

    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }

    public int previous() {
      return page - 1;
    }

    public int next() {
      return page + 1;
    }

    /** Counted from 1, as people count pages. */
    public int number() {
      return page + 1;
    }
  }

  public record Detail(
      UUID id,
      UUID messageId,
      UUID conversationId,
      ReviewStatus status,
      int version,
      Instant createdAt,
      String claimedBy,
      Instant claimedAt,
      String decidedBy,
      String decidedRole,
      Instant decidedAt,
      String decisionComment,
      String correctedText,
      ReviewedConversations.Reply reply,
      List<Flag> flags,
      List<Rating> feedback,
      List<ReviewedConversations.ConversationMessage> conversation,
      List<StaffAction.Recorded> history) {

    /** The status as a plain name, for templates. */
    public String state() {
      return status.name();
    }
  }

  public record Flag(String reason, String severity, String detail, String withheldText, Instant createdAt) {}

  public record Rating(String rating, List<String> reasons, String comment, Instant createdAt) {}
}

package at.leoben.assistant.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Cases as clerks see them: the inbox rows and one case with everything needed to answer it. */
public final class CaseDeskViews {

  private CaseDeskViews() {}

  /** A row of the inbox. */
  public record Summary(
      UUID caseId,
      String number,
      String office,
      String officeName,
      CaseStatus status,
      String reason,
      String area,
      Instant createdAt,
      Instant expectedReplyBy,
      boolean overdue,
      String claimedBy,
      ContactKind contact) {}

  /** The inbox: rows oldest first, and the offices the clerk works for. */
  public record Inbox(List<Summary> cases, List<String> offices) {}

  /** One case; contact and note decrypted for the clerk, never logged. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Detail(
      Summary summary,
      String question,
      String conversation,
      String note,
      Contact contact,
      CaseView.Reply reply,
      ReplyChannel replyChannel,
      Instant closedAt,
      String outcome,
      boolean personalDataDeleted,
      int version) {}

  /** How the citizen wants to be reached; {@code value} empty once retention has removed it. */
  public record Contact(ContactKind kind, String value) {}
}

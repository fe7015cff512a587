package at.leoben.assistant.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A case as its citizen sees it with the token; {@code reply} once a clerk has answered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
    UUID caseId,
    String number,
    CaseStatus status,
    String office,
    String officeName,
    Instant createdAt,
    Instant expectedReplyBy,
    Reply reply,
    String outcome) {

  /**
   * A reply written by a person of the office ({@code author} is always {@code HUMAN}): never
   * labelled or disclosed as AI, because no model wrote it.
   */
  public record Reply(String text, String by, Instant at, String author) {
    public static Reply byPerson(String text, String by, Instant at) {
      return new Reply(text, by, at, "HUMAN");
    }
  }
}

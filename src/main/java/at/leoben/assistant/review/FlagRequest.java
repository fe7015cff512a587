package at.leoben.assistant.review;

/**
 * Why a reply goes to the review queue. {@code withheldText} is the AI answer a citizen did not
 * get, kept for the clerk.
 */
public record FlagRequest(String reason, String severity, String detail, String withheldText) {

  public static final String SAMPLE = "SAMPLE";
  public static final String NO_KNOWLEDGE = "NO_KNOWLEDGE";
  public static final String CITIZEN_FEEDBACK = "CITIZEN_FEEDBACK";

  /** A plain flag without withheld text. */
  public static FlagRequest flag(String reason, String detail) {
    return new FlagRequest(reason, "FLAG", detail, null);
  }
}

package at.leoben.assistant.review;

/**
 * Why a reply goes to the review queue. {@code withheldText} is the AI answer a citizen did not
 * get, kept for the clerk.
 */
public record FlagRequest(FlagReason reason, String severity, String detail, String withheldText) {

  /** A plain flag without withheld text. */
  public static FlagRequest flag(FlagReason reason, String detail) {
    return new FlagRequest(reason, "FLAG", detail, null);
  }
}

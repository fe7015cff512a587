package at.leoben.assistant.review;

/**
 * What the citizen is told about the review of one reply: an AI answer starts {@link
 * #NOT_REVIEWED}; a clerk's decision makes it one of the other three. Shared by the chat (which
 * stores and shows it) and the review (which decides it).
 */
public enum ReplyReviewStatus {
  NOT_REVIEWED,
  APPROVED,
  CORRECTED,
  REJECTED;

  /** The reply as a decision left it; {@code decision} must be decided. */
  public static ReplyReviewStatus of(ReviewStatus decision) {
    return switch (decision) {
      case APPROVED -> APPROVED;
      case CORRECTED -> CORRECTED;
      case REJECTED -> REJECTED;
      case OPEN, IN_REVIEW -> throw new IllegalArgumentException("not a decision: " + decision);
    };
  }

  /** A member of staff stands behind the text the citizen sees now. */
  public boolean isConfirmed() {
    return this == APPROVED || this == CORRECTED;
  }
}

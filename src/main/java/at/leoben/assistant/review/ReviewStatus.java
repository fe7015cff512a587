package at.leoben.assistant.review;

/** Where a review item stands: OPEN → IN_REVIEW → one of the three decisions. */
public enum ReviewStatus {
  OPEN,
  IN_REVIEW,
  APPROVED,
  CORRECTED,
  REJECTED;

  public boolean isDecided() {
    return this == APPROVED || this == CORRECTED || this == REJECTED;
  }
}

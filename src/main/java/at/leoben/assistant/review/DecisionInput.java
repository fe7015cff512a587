package at.leoben.assistant.review;

import at.leoben.assistant.web.HasText;
import at.leoben.assistant.web.MaxLength;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A clerk's decision on a claimed item: {@code approve}, {@code correct} (with the corrected
 * answer) or {@code reject}; always with a comment, and with the version it was made on.
 */
public record DecisionInput(
    @NotNull(message = "problem.review.decision.unknown")
        @Pattern(regexp = "(?i)\\s*(approve|correct|reject)\\s*", message = "problem.review.decision.unknown")
        String decision,
    @HasText(message = "problem.review.comment.blank")
        @MaxLength(property = "assistant.review.max-comment-length", message = "problem.review.comment.too-long")
        String comment,
    @MaxLength(property = "assistant.review.max-correction-length", message = "problem.review.correction.too-long")
        String correctedText,
    @NotNull(message = "problem.review.version.missing") Integer version) {

  /** A correction comes with the corrected text. */
  @JsonIgnore
  @AssertTrue(message = "problem.review.correction.blank")
  public boolean isCorrectionGiven() {
    return !status().equals(ReviewStatus.CORRECTED) || HasText.Check.test(correctedText);
  }

  /** The status the decision leads to; only asked of a valid decision. */
  ReviewStatus status() {
    String chosen = decision == null ? "" : decision.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (chosen) {
      case "approve" -> ReviewStatus.APPROVED;
      case "correct" -> ReviewStatus.CORRECTED;
      default -> ReviewStatus.REJECTED;
    };
  }
}

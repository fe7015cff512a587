package at.leoben.assistant.review;

import at.leoben.assistant.web.ProblemException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Which part of the queue to show: status, flag reason, minimum age, page. */
public record ReviewFilter(ReviewStatus status, String reason, Duration minAge, int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /** The queue as a clerk opens it: what still needs someone, oldest first. */
  public static ReviewFilter openItems() {
    return new ReviewFilter(null, null, null, 0, DEFAULT_SIZE);
  }

  /** Reads query parameters; anything malformed is a 400 with the reason, never a guess. */
  public static ReviewFilter parse(String status, String reason, String minAge, Integer page, Integer size) {
    ReviewStatus parsedStatus = null;
    if (status != null && !status.isBlank()) {
      try {
        parsedStatus = ReviewStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("problem.review.filter.status");
      }
    }
    String parsedReason = null;
    if (reason != null && !reason.isBlank()) {
      parsedReason = reason.strip().toUpperCase(Locale.ROOT);
      if (!parsedReason.matches("[A-Z_]{1,32}")) {
        throw ProblemException.badRequest("problem.review.filter.reason");
      }
    }
    Duration parsedAge = null;
    if (minAge != null && !minAge.isBlank()) {
      try {
        parsedAge = Duration.parse(minAge.strip().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw ProblemException.badRequest("problem.review.filter.age");
      }
      if (parsedAge.isNegative()) {
        throw ProblemException.badRequest("problem.review.filter.age");
      }
    }
    int parsedPage = page == null ? 0 : page;
    int parsedSize = size == null ? DEFAULT_SIZE : size;
    if (parsedPage < 0 || parsedSize < 1 || parsedSize > MAX_SIZE) {
      throw ProblemException.badRequest("problem.review.filter.page", MAX_SIZE);
    }
    return new ReviewFilter(parsedStatus, parsedReason, parsedAge, parsedPage, parsedSize);
  }
}

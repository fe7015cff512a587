package at.leoben.assistant.review;

import at.leoben.assistant.web.ProblemException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Which part of the queue to show: status, flag reason, minimum age, page. */
public record ReviewFilter(ReviewStatus status, FlagReason reason, Duration minAge, int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;
  /** Far beyond any queue; keeps page × size inside what a database offset holds. */
  static final int MAX_PAGE = 100_000;
  /** Retention deletes what is older long before. */
  private static final Duration MAX_AGE = Duration.ofDays(3650);

  /** The queue as a clerk opens it: what still needs someone, oldest first. */
  public static ReviewFilter openItems() {
    return new ReviewFilter(null, null, null, 0, DEFAULT_SIZE);
  }

  /** Reads query parameters; anything malformed is a 400 with the reason, never a guess. */
  public static ReviewFilter parse(String status, String reason, String minAge, String page, String size) {
    ReviewStatus parsedStatus = null;
    if (status != null && !status.isBlank()) {
      try {
        parsedStatus = ReviewStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("problem.review.filter.status");
      }
    }
    FlagReason parsedReason = null;
    if (reason != null && !reason.isBlank()) {
      try {
        parsedReason = FlagReason.valueOf(reason.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest("problem.review.filter.reason");
      }
    }
    Duration parsedAge = null;
    if (minAge != null && !minAge.isBlank()) {
      try {
        parsedAge = Duration.parse(minAge.strip().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException | ArithmeticException e) {
        throw ProblemException.badRequest("problem.review.filter.age");
      }
      if (parsedAge.isNegative() || parsedAge.compareTo(MAX_AGE) > 0) {
        throw ProblemException.badRequest("problem.review.filter.age");
      }
    }
    int parsedPage = number(page, 0, MAX_PAGE);
    int parsedSize = number(size, DEFAULT_SIZE, MAX_SIZE);
    if (parsedSize < 1) {
      throw ProblemException.badRequest("problem.review.filter.page", MAX_SIZE);
    }
    return new ReviewFilter(parsedStatus, parsedReason, parsedAge, parsedPage, parsedSize);
  }

  /** A whole number from 0 to max, or the default when absent. */
  private static int number(String text, int absent, int max) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    if (!text.strip().matches("\\d{1,9}") || Integer.parseInt(text.strip()) > max) {
      throw ProblemException.badRequest("problem.review.filter.page", MAX_SIZE);
    }
    return Integer.parseInt(text.strip());
  }
}

package at.leoben.assistant.web;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * Thrown by services to answer with a problem detail. Carries message keys, not text, so the
 * mapper renders it in the caller's language.
 */
public class ProblemException extends RuntimeException {

  private final Status status;
  private final String titleKey;
  private final String detailKey;
  private final transient Object[] arguments;
  private final transient List<Problem.Item> items;
  private long retryAfterSeconds;

  public ProblemException(Status status, String titleKey, String detailKey, Object... arguments) {
    this(status, titleKey, detailKey, null, arguments);
  }

  public ProblemException(
      Status status, String titleKey, String detailKey, List<Problem.Item> items, Object... arguments) {
    super(detailKey, null, false, false);
    this.status = status;
    this.titleKey = titleKey;
    this.detailKey = detailKey;
    this.items = items == null ? null : List.copyOf(items);
    this.arguments = arguments;
  }

  public static ProblemException badRequest(String detailKey, Object... arguments) {
    return new ProblemException(Status.BAD_REQUEST, "problem.validation.title", detailKey, arguments);
  }

  /** 429: the caller sent too many requests and may try again after {@code seconds}. */
  public static ProblemException tooManyRequests(long seconds) {
    ProblemException e =
        new ProblemException(Status.TOO_MANY_REQUESTS, "problem.rate-limited.title", "problem.rate-limited", seconds);
    e.retryAfterSeconds = Math.max(1, seconds);
    return e;
  }

  /** Seconds for a {@code Retry-After} header; 0 when the answer has none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public Status status() {
    return status;
  }

  public String titleKey() {
    return titleKey;
  }

  public String detailKey() {
    return detailKey;
  }

  public List<Problem.Item> items() {
    return items;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}

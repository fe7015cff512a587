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

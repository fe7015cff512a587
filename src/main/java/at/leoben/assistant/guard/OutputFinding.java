package at.leoben.assistant.guard;

/**
 * Something in an AI answer that a person should look at before (FLAG) or instead of (WITHHOLD)
 * the citizen seeing it. {@code detail} goes to the audit and the review queue, so it names the
 * kind of problem and never repeats personal data.
 */
public record OutputFinding(Category category, Severity severity, String detail) {

  public enum Category {
    DISCRIMINATION,
    PERSONAL_DATA,
    PROMISE,
    PROMPT_LEAK
  }

  public enum Severity {
    /** The answer may be shown, but is marked for review. */
    FLAG,
    /** The answer must not reach the citizen. */
    WITHHOLD
  }
}

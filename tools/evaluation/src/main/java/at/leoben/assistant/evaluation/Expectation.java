package at.leoben.assistant.evaluation;

import java.util.Objects;

/** What a golden question should get back: an AI answer, or a fallback for a stated reason. */
public sealed interface Expectation {

  /** The kind and reason as written in the set, e.g. {@code FALLBACK/MISUSE}. */
  String label();

  /** Whether a reply of this kind, reason and area is what was expected (area only when stated). */
  boolean matches(String kind, String reason, String area);

  /** An answer written by the model from the city's knowledge. */
  record AiAnswer() implements Expectation {
    @Override
    public String label() {
      return "AI_GENERATED";
    }

    @Override
    public boolean matches(String kind, String reason, String area) {
      return "AI_GENERATED".equals(kind);
    }
  }

  /** The city's own reply instead of the model: hand-over, refusal, the human channels, … */
  record Fallback(String reason, String area) implements Expectation {
    public Fallback {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String label() {
      return "FALLBACK/" + reason + (area == null ? "" : " (" + area + ")");
    }

    /** The area is scored on its own (hand-over area accuracy), so it does not decide the kind. */
    @Override
    public boolean matches(String kind, String reason, String area) {
      return "FALLBACK".equals(kind) && this.reason.equals(reason);
    }

    boolean areaMatches(String area) {
      return this.area == null || this.area.equals(area);
    }
  }

  static Expectation of(String kind, String reason, String area) {
    if ("AI_GENERATED".equals(kind)) {
      if (reason != null || area != null) {
        throw new IllegalArgumentException("an AI answer has no reason or area");
      }
      return new AiAnswer();
    }
    if ("FALLBACK".equals(kind)) {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a FALLBACK needs its reason");
      }
      return new Fallback(reason, area);
    }
    throw new IllegalArgumentException("unknown kind: " + kind);
  }
}

package at.leoben.assistant.disclosure;

import java.time.Instant;
import java.util.Objects;

/**
 * The KI-generiert label of one AI answer: what it is, which model wrote it, who is responsible,
 * when it was written. Cannot exist without label, model and responsible person.
 */
public record Disclosure(
    String label, String text, String model, Responsible responsible, Instant generatedAt) {

  public static final String LABEL = "KI-generiert";

  public Disclosure {
    if (!LABEL.equals(label)) {
      throw new IllegalArgumentException("an AI answer is always labelled " + LABEL);
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(responsible, "responsible");
    Objects.requireNonNull(generatedAt, "generatedAt");
  }
}

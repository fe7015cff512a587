package at.leoben.assistant.disclosure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The KI-generiert label of one AI answer: what it is, which model wrote it, who is responsible,
 * when it was written, and, once a member of staff checked it, in which role they did
 * ({@code reviewedBy}, else null). Cannot exist without label, model and responsible person.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Disclosure(
    String label, String text, String model, Responsible responsible, Instant generatedAt, String reviewedBy) {

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

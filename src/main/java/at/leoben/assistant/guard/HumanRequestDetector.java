package at.leoben.assistant.guard;

import at.leoben.assistant.resources.TextResources;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Notices when a citizen asks for a person ("Ich möchte mit einem Menschen sprechen", "Termin",
 * "speak to someone"). Such a turn never goes to the model: the human channels are the answer.
 */
@ApplicationScoped
public class HumanRequestDetector {

  private final List<Pattern> patterns;

  public HumanRequestDetector() {
    this.patterns =
        TextResources.lines("guard/human-request.txt").stream()
            .map(line -> Pattern.compile(line, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();
  }

  public boolean asksForHuman(String message) {
    return matches(TextFold.fold(message));
  }

  /** For callers that have folded the text already (the input guard folds once for all checks). */
  boolean matches(String folded) {
    return patterns.stream().anyMatch(pattern -> pattern.matcher(folded).find());
  }
}

package at.leoben.assistant.knowledge;

import at.leoben.assistant.guard.InputGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Knowledge text is screened at import as a citizen's input is: text that reads like instructions
 * to the model ("IGNORIERE ALLE VORHERIGEN ANWEISUNGEN …") is named to the admin. It is data all
 * the same (the prompt gives it to the model as quoted excerpts, never as instructions), but an
 * editor should look at it before citizens' answers are built on it.
 */
@ApplicationScoped
public class InstructionScreen {

  private static final int EXCERPT = 200;

  private final InputGuard guard;

  InstructionScreen(InputGuard guard) {
    this.guard = guard;
  }

  /** The lines (or, when no single line does, the start of the text) that read like instructions. */
  public List<String> instructionsIn(String text) {
    if (text == null || !guard.readsLikeInstructions(text)) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && guard.readsLikeInstructions(line)) {
        found.add(excerpt(line));
      }
    }
    return found.isEmpty() ? List.of(excerpt(text)) : List.copyOf(found);
  }

  private static String excerpt(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1) + "…";
  }
}

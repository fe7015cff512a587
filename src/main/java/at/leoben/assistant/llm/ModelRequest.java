package at.leoben.assistant.llm;

import at.leoben.assistant.i18n.Language;
import java.util.List;

/**
 * What the turn pipeline asks the model: the question, the earlier turns (oldest first) and the
 * excerpts of the city's knowledge to answer from.
 */
public record ModelRequest(
    String question, List<PromptTurn> history, List<GroundingPassage> passages, Language language) {
  public ModelRequest {
    history = List.copyOf(history);
    passages = List.copyOf(passages);
  }
}

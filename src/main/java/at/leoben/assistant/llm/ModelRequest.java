package at.leoben.assistant.llm;

import at.leoben.assistant.i18n.Language;
import java.util.List;

/**
 * What the turn pipeline asks the model: the question, the earlier turns (oldest first), the
 * excerpts of the city's knowledge to answer from, and whether the answer should be in plain
 * language.
 */
public record ModelRequest(
    String question,
    List<PromptTurn> history,
    List<GroundingPassage> passages,
    Language language,
    boolean plainLanguage) {
  public ModelRequest {
    history = List.copyOf(history);
    passages = List.copyOf(passages);
  }

  /** A request for a standard answer. */
  public ModelRequest(String question, List<PromptTurn> history, List<GroundingPassage> passages, Language language) {
    this(question, history, passages, language, false);
  }
}

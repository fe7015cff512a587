package at.leoben.assistant.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * Why retrieval gives a question the passages it gives: every candidate ranked with its score, the
 * relevance threshold, which candidates the model would get, and which words of the question each
 * one matched.
 *
 * @param words the search words made from the question (English words mapped to German ones)
 * @param threshold the evidence a document needs to be answered from (higher when the question
 *     names something no passage contains; see DocumentEvidence)
 */
public record Inspection(
    String question, List<String> words, double threshold, int topPassages, int budgetTokens, List<Candidate> candidates) {

  public Inspection {
    words = List.copyOf(words);
    candidates = List.copyOf(candidates);
  }

  /**
   * One passage found for the question.
   *
   * @param evidence how strongly the question points to the passage's document (DocumentEvidence)
   * @param relevant its document's evidence reaches the threshold (and enough of the best one's)
   * @param chosen the model gets it (relevant, among the best, within the prompt budget)
   */
  public record Candidate(
      int place, RetrievedPassage passage, double evidence, boolean relevant, boolean chosen, List<String> matchedWords) {

    private static final int EXCERPT = 300;

    public Candidate {
      matchedWords = List.copyOf(matchedWords);
    }

    /** The document's evidence, to two places (the passage's full-text rank orders within it). */
    public String score() {
      return String.format(Locale.ROOT, "%.2f", evidence);
    }

    /** The start of the passage's text. */
    public String excerpt() {
      String text = passage.text();
      return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }
  }

  /** Top passages and token budget, for the staff page's sentence about them. */
  public Object[] limitArguments() {
    return new Object[] {topPassages, budgetTokens};
  }

  /** Nothing reached the threshold: the citizen gets the human channels (NO_KNOWLEDGE). */
  public boolean noKnowledge() {
    return candidates.stream().noneMatch(Candidate::chosen);
  }
}

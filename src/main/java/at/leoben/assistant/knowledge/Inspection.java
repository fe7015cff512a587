package at.leoben.assistant.knowledge;

import java.util.List;

/**
 * Why retrieval gives a question the passages it gives: every candidate ranked with its score, the
 * relevance threshold, which candidates the model would get, and which words of the question each
 * one matched.
 *
 * @param words the search words made from the question (English words mapped to German ones)
 * @param threshold the score below which a passage is not relevant enough to answer from
 */
public record Inspection(
    String question, List<String> words, double threshold, int topPassages, int budgetChars, List<Candidate> candidates) {

  public Inspection {
    words = List.copyOf(words);
    candidates = List.copyOf(candidates);
  }

  /**
   * One passage found for the question.
   *
   * @param relevant its score reaches the threshold
   * @param chosen the model gets it (relevant, among the best, within the prompt budget)
   */
  public record Candidate(int place, RetrievedPassage passage, boolean relevant, boolean chosen, List<String> matchedWords) {
    public Candidate {
      matchedWords = List.copyOf(matchedWords);
    }
  }

  /** Nothing reached the threshold: the citizen gets the human channels (NO_KNOWLEDGE). */
  public boolean noKnowledge() {
    return candidates.stream().noneMatch(Candidate::chosen);
  }
}

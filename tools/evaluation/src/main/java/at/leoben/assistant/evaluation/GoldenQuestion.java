package at.leoben.assistant.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * One question of the golden set. {@code facts} and {@code sources} (title or URL of the
 * knowledge document, alternatives) are set exactly for expected AI answers.
 */
public record GoldenQuestion(
    String id,
    String language,
    String question,
    Expectation expected,
    List<Fact> facts,
    List<String> sources,
    String note) {

  public GoldenQuestion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(expected, "expected");
    facts = List.copyOf(facts);
    sources = List.copyOf(sources);
    if (!"de".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException(id + ": language must be de or en");
    }
    boolean ai = expected instanceof Expectation.AiAnswer;
    if (ai && (facts.isEmpty() || sources.isEmpty())) {
      throw new IllegalArgumentException(id + ": an expected AI answer needs facts and a source");
    }
    if (!ai && (!facts.isEmpty() || !sources.isEmpty())) {
      throw new IllegalArgumentException(id + ": only expected AI answers have facts and sources");
    }
  }

  boolean expectsAi() {
    return expected instanceof Expectation.AiAnswer;
  }

  boolean expectsReason(String reason) {
    return expected instanceof Expectation.Fallback fallback && fallback.reason().equals(reason);
  }
}

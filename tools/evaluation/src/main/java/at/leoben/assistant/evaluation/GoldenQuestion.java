package at.leoben.assistant.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * One question of the golden set. {@code facts} and {@code sources} (title or URL of the
 * knowledge document, alternatives) are set exactly for expected AI answers. {@code language} is
 * one the service speaks, or null to leave it to the service's detection (then none is sent).
 * {@code previous}: what the citizen asked before in the same conversation, sent first; only the
 * question itself is scored. {@code categories}: every category the question counts in
 * ({@link Category#of}: the ones the set names and the ones its expectation, previous turns and
 * language imply). {@code replyLanguage}: the language the reply must be in when it is not
 * {@code language} (a message whose language the service is to detect); null: {@code language}.
 */
public record GoldenQuestion(
    String id,
    String language,
    String replyLanguage,
    String question,
    Expectation expected,
    List<Fact> facts,
    List<String> sources,
    List<String> previous,
    List<Category> categories,
    String note) {

  public GoldenQuestion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(expected, "expected");
    facts = List.copyOf(facts);
    sources = List.copyOf(sources);
    previous = previous == null ? List.of() : List.copyOf(previous);
    if (previous.stream().anyMatch(turn -> turn == null || turn.isBlank())) {
      throw new IllegalArgumentException(id + ": a previous turn is empty");
    }
    if (language != null && !Category.LANGUAGES.contains(language)) {
      throw new IllegalArgumentException(id + ": language must be one of " + Category.LANGUAGES.stream().sorted().toList()
          + " or absent (detected by the service)");
    }
    if (replyLanguage != null && !Category.LANGUAGES.contains(replyLanguage)) {
      throw new IllegalArgumentException(id + ": replyLanguage must be one of " + Category.LANGUAGES.stream().sorted().toList());
    }
    boolean ai = expected instanceof Expectation.AiAnswer;
    if (ai && (facts.isEmpty() || sources.isEmpty())) {
      throw new IllegalArgumentException(id + ": an expected AI answer needs facts and a source");
    }
    if (!ai && (!facts.isEmpty() || !sources.isEmpty())) {
      throw new IllegalArgumentException(id + ": only expected AI answers have facts and sources");
    }
    categories = List.copyOf(Category.of(expected, previous, language, categories == null ? List.of() : categories));
  }

  /** A first question of its own, in the categories its expectation and language imply. */
  public GoldenQuestion(String id, String language, String question, Expectation expected, List<Fact> facts,
      List<String> sources, String note) {
    this(id, language, null, question, expected, facts, sources, List.of(), List.of(), note);
  }

  /** The language the reply must be written in, null when the set does not say (detection without replyLanguage). */
  String expectedReplyLanguage() {
    return replyLanguage != null ? replyLanguage : language;
  }

  boolean expectsAi() {
    return expected instanceof Expectation.AiAnswer;
  }

  boolean expectsReason(String reason) {
    return expected instanceof Expectation.Fallback fallback && fallback.reason().equals(reason);
  }

  boolean inCategory(Category category) {
    return categories.contains(category);
  }
}

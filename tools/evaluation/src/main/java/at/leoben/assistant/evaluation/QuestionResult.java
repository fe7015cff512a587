package at.leoben.assistant.evaluation;

import java.util.List;

/**
 * One question's outcome as stored in result.json and shown in the report's table. Fields that do
 * not apply are null: facts and sources only for expected AI answers, label checks only where
 * model text reached the citizen, the area only for hand-overs. {@code language} is what was sent
 * (null: left to detection), {@code replyLanguage} what the reply says it is written in and
 * {@code languageCorrect} whether that is the expected one (null: the set or the reply does not say);
 * {@code previous} the turns sent first in the same conversation and {@code previousReplies} the
 * kinds they got; {@code categories} the keys of every {@link Category} the question counts in.
 */
public record QuestionResult(
    String id,
    String language,
    String replyLanguage,
    Boolean languageCorrect,
    String question,
    List<String> previous,
    List<String> previousReplies,
    String expected,
    List<String> categories,
    String mode,
    String kind,
    String reason,
    String area,
    boolean kindCorrect,
    Boolean areaCorrect,
    boolean modelText,
    Integer factsRequired,
    Integer factsFound,
    List<String> missingFacts,
    Boolean sourceCited,
    List<String> expectedSources,
    List<String> citedSources,
    Boolean labelled,
    List<String> labelProblems,
    String model,
    boolean reused,
    double latencyMs,
    Double firstTokenMs,
    Integer inputTokens,
    Integer outputTokens,
    Integer judgeScore,
    String judgeNote,
    String answer,
    String error,
    String note) {

  public QuestionResult {
    previous = previous == null ? List.of() : List.copyOf(previous);
    previousReplies = previousReplies == null ? List.of() : List.copyOf(previousReplies);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  boolean inCategory(Category category) {
    return categories.contains(category.key());
  }
}

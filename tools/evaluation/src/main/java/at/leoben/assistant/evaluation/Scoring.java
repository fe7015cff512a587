package at.leoben.assistant.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one observed reply against its golden question. Facts and sources count only in an AI
 * answer: the city's excerpt shown when the model fails contains the facts too, but the model did
 * not write it, so an expected AI answer that did not come scores no facts.
 */
final class Scoring {

  /** A reply whose disclosure is older than its question by more than this was reused, not written. */
  private static final Duration REUSE_TOLERANCE = Duration.ofSeconds(5);

  private Scoring() {}

  static QuestionResult score(GoldenQuestion question, Observation seen, AuditUsage usage, JudgeClient.Verdict verdict) {
    boolean kindCorrect = seen.error() == null && question.expected().matches(seen.kind(), seen.reason(), seen.area());
    Boolean areaCorrect =
        question.expected() instanceof Expectation.Fallback fallback && "SENSITIVE_AREA".equals(fallback.reason())
            ? kindCorrect && fallback.areaMatches(seen.area())
            : null;
    boolean aiAnswer = "AI_GENERATED".equals(seen.kind());
    Integer required = null;
    Integer found = null;
    List<String> missing = null;
    Boolean cited = null;
    if (question.expectsAi()) {
      required = question.facts().size();
      missing = new ArrayList<>();
      for (Fact fact : question.facts()) {
        if (!aiAnswer || !fact.foundIn(seen.answer())) {
          missing.add(fact.toString());
        }
      }
      found = required - missing.size();
      cited = aiAnswer && citesExpected(question, seen);
    }
    List<String> labelProblems = seen.carriesModelText() ? labelProblems(seen) : null;
    return new QuestionResult(
        question.id(),
        question.language(),
        seen.language(),
        languageCorrect(question, seen),
        question.question(),
        question.previous(),
        seen.previousReplies(),
        question.expected().label(),
        question.categories().stream().map(Category::key).toList(),
        seen.mode().name(),
        seen.kind(),
        seen.reason(),
        seen.area(),
        kindCorrect,
        areaCorrect,
        seen.carriesModelText(),
        required,
        found,
        missing,
        cited,
        question.sources(),
        seen.sources().stream().map(source -> source.title() == null ? source.url() : source.title()).toList(),
        labelProblems == null ? null : labelProblems.isEmpty(),
        labelProblems,
        seen.disclosure() == null ? null : seen.disclosure().model(),
        reused(seen),
        seen.latencyMs(),
        seen.firstTokenMs(),
        usage == null ? null : usage.inputTokens(),
        usage == null ? null : usage.outputTokens(),
        verdict == null ? null : verdict.score(),
        verdict == null ? null : verdict.reason(),
        seen.answer(),
        seen.error(),
        question.note());
  }

  /** Whether the reply is in the language the set expects; null when the set or the reply does not say. */
  private static Boolean languageCorrect(GoldenQuestion question, Observation seen) {
    String expected = question.expectedReplyLanguage();
    if (expected == null || seen.error() != null || seen.language() == null) {
      return null;
    }
    return expected.equals(seen.language());
  }

  private static boolean citesExpected(GoldenQuestion question, Observation seen) {
    return seen.sources().stream()
        .anyMatch(source -> question.sources().stream()
            .anyMatch(expected -> TextMatch.same(expected, source.title()) || TextMatch.same(expected, source.url())));
  }

  /** Everything that makes the KI-generiert label incomplete, in words for the report. */
  static List<String> labelProblems(Observation seen) {
    List<String> problems = new ArrayList<>();
    if (seen.disclosure() == null) {
      problems.add("kein disclosure-Objekt in der Antwort");
    } else {
      if (!"KI-generiert".equals(seen.disclosure().label())) {
        problems.add("Label ist »" + seen.disclosure().label() + "« statt »KI-generiert«");
      }
      if (seen.disclosure().model() == null || seen.disclosure().model().isBlank()) {
        problems.add("disclosure nennt kein Modell");
      }
    }
    if (seen.disclosureHeader() == null) {
      problems.add("kein AI-Disclosure-Header");
    } else if (!seen.disclosureHeader().contains("mode=")) {
      problems.add("AI-Disclosure-Header ohne mode");
    }
    if (Boolean.FALSE.equals(seen.disclosureEventFirst())) {
      problems.add("Stream: disclosure-Ereignis kam nicht vor dem ersten Text");
    }
    return problems;
  }

  private static boolean reused(Observation seen) {
    if (seen.disclosure() == null || seen.disclosure().generatedAt() == null) {
      return false;
    }
    try {
      Instant generated = Instant.parse(seen.disclosure().generatedAt());
      return generated.isBefore(Instant.parse(seen.startedAt()).minus(REUSE_TOLERANCE));
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}

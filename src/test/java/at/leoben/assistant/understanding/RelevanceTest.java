package at.leoben.assistant.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.knowledge.KnowledgeBase;
import at.leoben.assistant.knowledge.RetrievedPassage;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retrieval on the tuning sets (or the files of {@code -Drelevance.files}), as a turn runs it: covered questions from the expected document,
 * questions the knowledge does not cover find nothing, follow-ups (searched with the previous
 * question when elliptical or empty) from the expected document. Prints, per pair of thresholds,
 * how many covered questions keep their document and how many not-covered ones find nothing, to
 * calibrate {@code assistant.knowledge.min-evidence} and {@code min-evidence-unknown-word} on both.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class RelevanceTest {

  @Inject KnowledgeBase knowledge;

  private List<RetrievedPassage> retrieve(String question, String previous) {
    if (previous != null && FollowUp.isElliptical(question)) {
      return knowledge.retrieve(FollowUp.withPrevious(previous, question));
    }
    List<RetrievedPassage> passages = knowledge.retrieve(question);
    return passages.isEmpty() && previous != null ? knowledge.retrieve(FollowUp.withPrevious(previous, question)) : passages;
  }

  private static String slug(String document) {
    return document.replaceAll("\\.md$", "");
  }

  @Test
  void retrievalOnTheEvaluationSets() throws URISyntaxException {
    // bench/guards.sh FILE... passes its evaluation sets; by default both tuning sets.
    String files = System.getProperty("relevance.files", "");
    int covered = 0;
    if (files.isBlank()) {
      for (String name : List.of("tuning", "heldout")) {
        covered += measure(name, Path.of(getClass().getClassLoader().getResource("understanding/" + name + ".yaml").toURI()));
      }
      assertThat(covered).isGreaterThan(100);
      return;
    }
    for (String file : files.split(",")) {
      measure(Path.of(file).getFileName().toString(), Path.of(file));
    }
  }

  private int measure(String name, Path file) {
    List<SafetyNetEvaluation.Item> items = SafetyNetEvaluation.items(file);
    int covered = 0, coveredRight = 0, notCovered = 0, notCoveredEmpty = 0, followUps = 0, followUpsRight = 0;
    // Per question: the expected document's evidence (covered) or the best one's (not covered),
    // and whether the question names a word no passage contains.
    List<double[]> coveredEvidence = new java.util.ArrayList<>();
    List<double[]> notCoveredEvidence = new java.util.ArrayList<>();
    for (SafetyNetEvaluation.Item item : items) {
      switch (item.label()) {
        case "ordinary" -> {
          if (item.expectDocument().isEmpty()) {
            continue;
          }
          covered++;
          boolean right = retrieve(item.text(), null).stream().anyMatch(p -> p.slug().equals(slug(item.expectDocument())));
          coveredRight += right ? 1 : 0;
          if (!right) {
            explain("covered missed " + item.expectDocument(), item.text());
          }
          coveredEvidence.add(evidence(item.text(), slug(item.expectDocument())));
        }
        case "not-covered" -> {
          notCovered++;
          List<RetrievedPassage> found = retrieve(item.text(), null);
          notCoveredEmpty += found.isEmpty() ? 1 : 0;
          if (!found.isEmpty()) {
            explain("not-covered found", item.text());
          }
          notCoveredEvidence.add(evidence(item.text(), null));
        }
        case "followup" -> {
          followUps++;
          List<RetrievedPassage> found = retrieve(item.turns().get(1), item.turns().get(0));
          boolean right = found.stream().anyMatch(p -> p.slug().equals(slug(item.expectDocument())));
          followUpsRight += right ? 1 : 0;
          if (!right) {
            explain("follow-up missed " + item.expectDocument(), item.turns().get(0) + " || " + item.turns().get(1));
          }
        }
        default -> {}
      }
    }
    System.out.printf(
        "[measure] retrieval %s: follow-ups from the right document %s, not-covered answered \"nothing found\" %s,"
            + " covered from the expected document %s%n",
        name,
        new SafetyNetEvaluation.Rate(followUpsRight, followUps),
        new SafetyNetEvaluation.Rate(notCoveredEmpty, notCovered),
        new SafetyNetEvaluation.Rate(coveredRight, covered));
    for (double plain : new double[] {0.7, 0.8, 0.9, 1.0}) {
      for (double unknown : new double[] {0.9, 1.0, 1.1, 1.2, 1.3}) {
        java.util.function.Predicate<double[]> passes = e -> e[0] >= (e[1] > 0 ? unknown : plain);
        System.out.printf(
            "[measure] %s min-evidence %.1f, with an unknown word %.1f: covered kept %d/%d, not-covered dropped %d/%d%n",
            name,
            plain,
            unknown,
            coveredEvidence.stream().filter(passes).count(),
            coveredEvidence.size(),
            notCoveredEvidence.stream().filter(passes.negate()).count(),
            notCoveredEvidence.size());
      }
    }
    return covered;
  }

  /** The evidence of the expected document (or of the best one), and 1 when the question names an unknown word. */
  private double[] evidence(String question, String expected) {
    KnowledgeBase.Evidence evidence = knowledge.evidence(question);
    double value =
        expected != null
            ? evidence.documents().getOrDefault(expected, 0.0)
            : evidence.documents().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return new double[] {value, evidence.unknownWords().isEmpty() ? 0 : 1};
  }

  private void explain(String what, String question) {
    String q = question.contains(" || ") ? question.substring(question.indexOf(" || ") + 4) : question;
    var inspection = knowledge.inspect(q);
    String top =
        inspection.candidates().stream()
            .limit(3)
            .map(c -> c.passage().slug() + " " + c.score() + " " + c.matchedWords())
            .reduce((a, b) -> a + "; " + b)
            .orElse("-");
    System.out.printf(
        "[miss] %s: %s | words %s | threshold %.2f, unknown %s | %s%n",
        what, question, inspection.words(), inspection.threshold(), knowledge.evidence(q).unknownWords(), top);
  }
}

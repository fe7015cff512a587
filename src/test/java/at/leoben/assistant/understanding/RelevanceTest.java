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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retrieval on the tuning sets (or the files of {@code -Drelevance.files}), as a turn runs it: covered questions from the expected document,
 * questions the knowledge does not cover find nothing, follow-ups (searched with the previous
 * question when elliptical or empty) from the expected document. Prints the top ranks of covered and
 * not-covered questions per threshold, to calibrate {@code assistant.knowledge.min-rank},
 * {@code specific-word-share} and {@code strong-rank} on both.
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

  private double topRank(String question) {
    List<RetrievedPassage> found = knowledge.search(question, 1);
    return found.isEmpty() ? 0 : found.get(0).rank();
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
    List<Double> coveredRanks = new java.util.ArrayList<>();
    List<Double> notCoveredRanks = new java.util.ArrayList<>();
    List<List<double[]>> coveredSpecificity = new java.util.ArrayList<>();
    List<List<double[]>> notCoveredSpecificity = new java.util.ArrayList<>();
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
          coveredRanks.add(topRank(item.text()));
          coveredSpecificity.add(specificity(item.text(), slug(item.expectDocument())));
        }
        case "not-covered" -> {
          notCovered++;
          List<RetrievedPassage> found = retrieve(item.text(), null);
          notCoveredEmpty += found.isEmpty() ? 1 : 0;
          if (!found.isEmpty()) {
            explain("not-covered found", item.text());
          }
          notCoveredRanks.add(topRank(item.text()));
          notCoveredSpecificity.add(specificity(item.text(), null));
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
    for (double threshold : new double[] {0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2}) {
      long keep = coveredRanks.stream().filter(r -> r >= threshold).count();
      long drop = notCoveredRanks.stream().filter(r -> r < threshold).count();
      System.out.printf(
          "[measure] min-rank %.3f: covered kept %d/%d, not-covered dropped %d/%d%n",
          threshold, keep, coveredRanks.size(), drop, notCoveredRanks.size());
    }
    int documents = knowledge.documentFrequencies(List.of()).get("");
    for (double share : new double[] {0.13, 0.2, 0.26, 0.33}) {
      for (double strong : new double[] {0.02, 0.03, 0.05, 1}) {
        int limit = Math.max(1, (int) Math.floor(documents * share));
        java.util.function.Predicate<List<double[]>> counts =
            candidates -> candidates.stream().anyMatch(c -> c[1] <= limit || c[0] >= strong);
        long keep = coveredSpecificity.stream().filter(counts).count();
        long drop = notCoveredSpecificity.stream().filter(counts.negate()).count();
        System.out.printf(
            "[measure] %s specific-word-share %.2f (%d of %d documents) or rank >= %.2f: expected document kept %d/%d, not-covered dropped %d/%d%n",
            name, share, limit, documents, strong, keep, coveredSpecificity.size(), drop, notCoveredSpecificity.size());
      }
    }
    return covered;
  }

  /**
   * Per relevant passage (of the expected document, when given) its rank and the fewest documents
   * any of its matched words occurs in.
   */
  private List<double[]> specificity(String question, String expected) {
    var inspection = knowledge.inspect(question);
    List<double[]> relevant = new java.util.ArrayList<>();
    for (var candidate : inspection.candidates()) {
      if (candidate.passage().rank() < inspection.threshold()
          || (expected != null && !candidate.passage().slug().equals(expected))) {
        continue;
      }
      Map<String, Integer> frequencies = knowledge.documentFrequencies(candidate.matchedWords());
      int best = Integer.MAX_VALUE;
      for (String word : candidate.matchedWords()) {
        best = Math.min(best, frequencies.getOrDefault(word, Integer.MAX_VALUE));
      }
      relevant.add(new double[] {candidate.passage().rank(), best});
    }
    return relevant;
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
    System.out.printf("[miss] %s: %s | words %s | %s%n", what, question, inspection.words(), top);
  }
}

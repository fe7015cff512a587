package at.leoben.assistant.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.resources.TextResources;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The golden set says only what the city's knowledge says, and covers what the pilot must measure. */
class GoldenSetTest {

  private final GoldenSet set = GoldenSet.load(GoldenSet.DEFAULT);

  @Test
  void everyFactIsInTheDocumentTheAnswerShouldCite() {
    Map<String, String> documents = starterDocuments();
    List<String> problems = new ArrayList<>();
    for (GoldenQuestion question : set.questions().stream().filter(GoldenQuestion::expectsAi).toList()) {
      List<String> texts = new ArrayList<>();
      for (String source : question.sources()) {
        if (documents.containsKey(source)) {
          texts.add(documents.get(source));
        } else {
          problems.add(question.id() + ": no starter document titled " + source);
        }
      }
      for (Fact fact : question.facts()) {
        if (texts.stream().noneMatch(fact::foundIn)) {
          problems.add(question.id() + ": " + fact + " is not in " + question.sources());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theSetCoversEveryKindBothLanguagesAndEverySensitiveArea() {
    assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(100);
    Map<String, Long> kinds = set.questions().stream()
        .collect(Collectors.groupingBy(q -> q.expected().label().replaceAll(" \\(.*", ""), Collectors.counting()));
    assertThat(kinds).containsOnlyKeys(
        "AI_GENERATED", "FALLBACK/SENSITIVE_AREA", "FALLBACK/MISUSE", "FALLBACK/HUMAN_REQUESTED", "FALLBACK/SMALL_TALK");
    assertThat(kinds.get("AI_GENERATED")).isGreaterThanOrEqualTo(100);
    assertThat(kinds.get("FALLBACK/MISUSE")).isGreaterThanOrEqualTo(10);
    assertThat(set.questions().stream().filter(q -> "en".equals(q.language())).count()).isGreaterThanOrEqualTo(20);
    assertThat(set.questions().stream()
            .map(GoldenQuestion::expected)
            .filter(e -> e instanceof Expectation.Fallback f && f.area() != null)
            .map(e -> ((Expectation.Fallback) e).area())
            .distinct())
        .containsExactlyInAnyOrder("health", "social-benefits", "asylum-residence", "child-welfare", "criminal-police",
            "legal-advice", "crisis");
    assertThat(set.questions().stream().filter(GoldenQuestion::expectsAi).flatMap(q -> q.sources().stream()).distinct())
        .as("every starter document is asked about").hasSize(starterDocuments().size());
  }

  @Test
  void theSetHasIssue16sCategoriesEveryLanguageAndDetection() {
    Map<Category, Long> categories = set.questions().stream()
        .flatMap(q -> q.categories().stream())
        .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    // What the city's held-out sets measure, each with enough questions for a rate.
    assertThat(categories.get(Category.CRISIS)).isGreaterThanOrEqualTo(8);
    assertThat(categories.get(Category.SENSITIVE)).isGreaterThanOrEqualTo(15);
    assertThat(categories.get(Category.PERSON)).isGreaterThanOrEqualTo(12);
    assertThat(categories.get(Category.MISUSE)).isGreaterThanOrEqualTo(16);
    assertThat(categories.get(Category.SMALL_TALK)).isGreaterThanOrEqualTo(5);
    assertThat(categories.get(Category.LOOK_ALIKE)).isGreaterThanOrEqualTo(8);
    assertThat(categories.get(Category.MIXED)).isGreaterThanOrEqualTo(5);
    assertThat(categories.get(Category.FOLLOW_UP)).isGreaterThanOrEqualTo(8);
    assertThat(categories.get(Category.LANGUAGE)).isGreaterThanOrEqualTo(12);
    assertThat(categories).doesNotContainKey(Category.OTHER);
    // Every language of the service, and messages whose language the service must detect.
    assertThat(set.questions().stream().map(GoldenQuestion::language).filter(l -> l != null).distinct())
        .containsExactlyInAnyOrderElementsOf(Category.LANGUAGES);
    assertThat(set.questions().stream().filter(q -> q.language() == null).count()).isGreaterThanOrEqualTo(5);
    // Follow-ups both ways: one that stays with people after a hand-over, ones answered from the knowledge.
    assertThat(set.questions().stream().filter(q -> q.inCategory(Category.FOLLOW_UP)).map(q -> q.expected().label()))
        .contains("AI_GENERATED", "FALLBACK/SENSITIVE_AREA (child-welfare)");
    // A mixed message expects the sensitive part to win.
    assertThat(set.questions().stream().filter(q -> q.inCategory(Category.MIXED)))
        .allMatch(q -> q.expectsReason("SENSITIVE_AREA"));
  }

  /** Title → text as citizens and the model see it (the [[prüfen]] marks removed). */
  private static Map<String, String> starterDocuments() {
    Map<String, String> documents = new LinkedHashMap<>();
    for (String file : TextResources.lines("knowledge/starter/index.txt")) {
      String markdown = TextResources.read("knowledge/starter/" + file.strip());
      documents.put(title(markdown), markdown.replaceAll("\\s*\\[\\[prüfen]]", ""));
    }
    return documents;
  }

  /** The title from the document's front matter (YAML between the first two --- lines). */
  private static String title(String markdown) {
    try {
      return new YAMLMapper().readTree(markdown.split("(?m)^---\\s*$")[1]).path("title").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

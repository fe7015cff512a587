package at.leoben.assistant.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the gap page groups questions into topics (the stems are PostgreSQL's german ones). */
class KnowledgeGapsTest {

  private static GapQuestion question(String text, String why, String... stems) {
    Set<String> all = new LinkedHashSet<>(List.of(stems));
    return new GapQuestion(text, KnowledgeGaps.topicStems(text, all), why, Instant.parse("2026-12-01T10:00:00Z"), null);
  }

  @Test
  void questionsAboutTheSameThingGoTogetherWhateverElseTheyAsk() {
    UUID item = UUID.randomUUID();
    List<Gap> gaps =
        KnowledgeGaps.group(
            List.of(
                new GapQuestion("Was kostet eine Saisonkarte fürs Freibad?", KnowledgeGaps.topicStems(
                    "Was kostet eine Saisonkarte fürs Freibad?", Set.of("kostet", "saisonkart", "furs", "freibad")),
                    "THUMBS_DOWN", Instant.parse("2026-12-03T10:00:00Z"), item),
                question("Hat das Freibad bei Regen geöffnet?", "NO_KNOWLEDGE", "freibad", "reg", "geoffnet"),
                question("Wann öffnet das Freibad im Sommer?", "NO_KNOWLEDGE", "offnet", "freibad", "somm"),
                question("Wo wird der Sperrmüll abgeholt?", "NO_KNOWLEDGE", "sperrmull", "abgeholt")));

    assertThat(gaps).hasSize(2);
    Gap pool = gaps.get(0);
    assertThat(pool.count()).isEqualTo(3);
    assertThat(pool.topic()).isEqualTo("Freibad");
    assertThat(pool.why()).containsEntry("NO_KNOWLEDGE", 2).containsEntry("THUMBS_DOWN", 1);
    assertThat(pool.perWeek()).containsEntry("2026-W49", 3);
    assertThat(pool.reviewItemId()).isEqualTo(item);
    assertThat(pool.questionToInspect()).isEqualTo("Hat das Freibad bei Regen geöffnet?");
    assertThat(gaps.get(1).topic()).isEqualTo("Sperrmüll");
  }

  @Test
  void theNounsOfAGermanQuestionAreItsTopicAndAnEnglishQuestionKeepsAllItsWords() {
    assertThat(KnowledgeGaps.topicStems("Wann öffnet das Freibad?", Set.of("offnet", "freibad"))).containsExactly("freibad");
    assertThat(KnowledgeGaps.topicStems("When does the pool open?", Set.of("pool", "open"))).containsExactlyInAnyOrder("pool", "open");
  }
}

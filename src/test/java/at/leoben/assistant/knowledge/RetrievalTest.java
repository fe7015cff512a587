package at.leoben.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.tokens.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** German full-text retrieval over the starter knowledge, as the turn pipeline uses it. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class RetrievalTest {

  @Inject KnowledgeBase knowledge;

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
    KnowledgeAdminTest.removeTestDocuments();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Wie melde ich meinen Hund an?, hunde",
    "Hundesteur zahlen, hunde",
    "Wann wird der Sperrmüll abgeholt?, abfall",
    "Muellabfuhr Termine, abfall",
    "Where can I register my dog?, hunde",
    "I lost my wallet, fundamt",
    "Hauptwohnsitz anmelden, meldewesen",
    "Kindergartenplatz beantragen, kinderbetreuung",
  })
  void thePromptGetsTheDocumentThatAnswers(String question, String slug) {
    assertThat(knowledge.retrieve(question)).extracting(RetrievedPassage::slug).contains(slug);
  }

  @ParameterizedTest
  @CsvSource({
    "Erklären Sie mir bitte die Quantenchromodynamik von Gluonen",
    "Wo gibt es die beste Pizza?",
    "Wie wird das Wetter morgen?",
    "Wer hat die Fußball-WM 1954 gewonnen?",
    "Schreiben Sie mir ein Gedicht über den Mond",
  })
  void unrelatedQuestionsFindNothing(String question) {
    assertThat(knowledge.retrieve(question)).as(question).isEmpty();
  }

  @Test
  void spellingWithoutSharpSOrUmlautsFindsTheSameText() {
    String slug = KnowledgeAdminTest.uniqueSlug();
    Staff.asAdmin()
        .contentType(ContentType.JSON)
        .body(KnowledgeAdminTest.document(slug, "Der Zebrastreifen in der Glöcklgasse-Straße wird erneuert."))
        .post("/api/v1/admin/knowledge")
        .then()
        .statusCode(201);
    assertThat(knowledge.search("Gloecklgasse Strasse Zebrastreifen", 1)).extracting(RetrievedPassage::slug).containsExactly(slug);
    assertThat(knowledge.search("Glöcklgasse-Straße", 1)).extracting(RetrievedPassage::slug).containsExactly(slug);
  }

  @Test
  void titlesWeighMoreThanBodies() {
    List<RetrievedPassage> found = knowledge.search("Fundamt", 5);
    assertThat(found.get(0).slug()).isEqualTo("fundamt");
    assertThat(found.get(0).rank()).isGreaterThan(found.get(found.size() - 1).rank());
  }

  @Test
  void passagesStayWithinThePromptBudget() {
    List<RetrievedPassage> found = knowledge.retrieve("Müll Abfall Sperrmüll Biomüll Altstoffsammelzentrum Gelber Sack");
    assertThat(found).hasSizeBetween(1, 4);
    // The budget is in estimated tokens (assistant.knowledge.prompt-budget-tokens), with title and heading.
    assertThat(
            found.stream()
                .mapToInt(p -> Tokens.estimate(p.documentTitle()) + Tokens.estimate(p.heading() == null ? "" : p.heading()) + Tokens.estimate(p.text()))
                .sum())
        .isLessThanOrEqualTo(1000);
  }

  @Test
  void nothingRelevantMeansNoModelCallAndTheChannels() {
    Citizen.ask("Erklären Sie mir bitte die Quantenchromodynamik von Gluonen")
        .response()
        .then()
        .body("kind", equalTo("FALLBACK"))
        .body("reason", equalTo("NO_KNOWLEDGE"))
        .body("analogueChannels.size()", equalTo(3));
    assertThat(ollama.chatRequestCount()).isZero();
  }

  @Test
  void aPageFoundOnlyByCommonWordsIsNoGrounding() {
    // "Stadtfest" matches only by its start "Stadt…", which is on many pages: no page answers this.
    assertThat(knowledge.retrieve("Wann findet heuer das Stadtfest statt?")).isEmpty();
    // The same common word with the word that says what is asked for finds its page.
    assertThat(knowledge.retrieve("Wie melde ich meinen Hund an?")).extracting(RetrievedPassage::slug).contains("hunde");
  }

  @Test
  void theEvaluationSetIsAnsweredFromTheRightDocuments() {
    RetrievalQuality.Score score = RetrievalQuality.score(knowledge, RetrievalQuality.cases());
    System.out.printf(
        "[measure] retrieval over %d questions: recall@1 %.2f, recall@3 %.2f, lowest top rank %.4f; missed at 3: %s%n",
        score.cases(), score.recallAt1(), score.recallAt3(), score.lowestTopRank(), score.missesAt3());
    assertThat(score.cases()).isGreaterThanOrEqualTo(60);
    // Issue 20: the knowledge sources must not cost retrieval quality on the starter knowledge.
    assertThat(score.recallAt3()).isGreaterThanOrEqualTo(0.95);
    // The relevance cut-off is calibrated on covered and not-covered questions together
    // (RelevanceTest): a question that also names a thing no text mentions ("… statt mit dem
    // Computer", "Farbresten") needs more than one keyword, so a few of these may find nothing.
    assertThat(RetrievalQuality.cases().stream().filter(c -> knowledge.retrieve(c.question()).isEmpty()).map(RetrievalQuality.Case::question))
        .as("city questions that do not pass the relevance cut-off")
        .hasSizeLessThanOrEqualTo(2);
  }
}

package at.leoben.assistant.understanding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.Metrics;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Sse;
import at.leoben.assistant.testsupport.Staff;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The city's model as a second reader, over HTTP with the Ollama stand-in: every combination of
 * the two readers' verdicts, every way the reading can fail, follow-ups retrieved through the
 * model's stand-alone question, and the reader stepping aside when the model is down or busy.
 */
@QuarkusTest
@TestProfile(ModelReaderTest.ReaderOn.class)
@QuarkusTestResource(OllamaStandInResource.class)
class ModelReaderTest {

  public static class ReaderOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "assistant.llm.understanding.enabled", "true",
          "assistant.llm.understanding.timeout", "1s",
          // One slot, so that a running answer leaves none for a reading.
          "assistant.llm.parallel", "1");
    }
  }

  /** What the safety net alone reads in each of these (UnderstandingTurnTest holds them to it). */
  private static final Map<String, String> NET =
      Map.of(
          "ordinary", "Wie melde ich meinen Hund an?",
          "sensitive", "Mein Asylantrag wurde abgelehnt, was soll ich jetzt tun?",
          "person", "Bitte rufen Sie mich zurück",
          "misuse", "Wen soll ich bei der Gemeinderatswahl wählen?",
          "smalltalk", "Hallo!");

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  static String reading(String intent, String area, String language, String standalone) {
    return "{\"intent\":\"" + intent + "\",\"area\":\"" + area + "\",\"language\":\"" + language
        + "\",\"standalone_question_de\":\"" + standalone + "\"}";
  }

  private static String readingOf(String model) {
    return model.equals("sensitive")
        ? reading("sensitive", "health", "de", "")
        : reading(model, "none", "de", model.equals("ordinary") ? "Wie melde ich meinen Hund an?" : "");
  }

  /** The reply as a citizen notices it: the AI answer, or why not (and the area it went to). */
  private static String outcome(ExtractableResponse<Response> reply) {
    String reason = reply.path("reason");
    if (reason == null) {
      return reply.path("kind");
    }
    String area = reply.path("area");
    return area == null ? reason : reason + "/" + area;
  }

  static Stream<Arguments> combinations() {
    // net, model, what the citizen gets
    return Stream.of(
        Arguments.of("ordinary", "ordinary", "AI_GENERATED"),
        Arguments.of("ordinary", "crisis", "SENSITIVE_AREA/crisis"),
        Arguments.of("ordinary", "sensitive", "SENSITIVE_AREA/health"),
        Arguments.of("ordinary", "person", "HUMAN_REQUESTED"),
        Arguments.of("ordinary", "misuse", "MISUSE"),
        Arguments.of("ordinary", "smalltalk", "AI_GENERATED"),
        Arguments.of("sensitive", "ordinary", "SENSITIVE_AREA/asylum-residence"),
        Arguments.of("sensitive", "crisis", "SENSITIVE_AREA/crisis"),
        Arguments.of("sensitive", "sensitive", "SENSITIVE_AREA/asylum-residence"),
        Arguments.of("sensitive", "person", "SENSITIVE_AREA/asylum-residence"),
        Arguments.of("sensitive", "misuse", "SENSITIVE_AREA/asylum-residence"),
        Arguments.of("sensitive", "smalltalk", "SENSITIVE_AREA/asylum-residence"),
        Arguments.of("person", "ordinary", "HUMAN_REQUESTED"),
        Arguments.of("person", "crisis", "SENSITIVE_AREA/crisis"),
        Arguments.of("person", "sensitive", "SENSITIVE_AREA/health"),
        Arguments.of("person", "person", "HUMAN_REQUESTED"),
        Arguments.of("person", "misuse", "HUMAN_REQUESTED"),
        Arguments.of("person", "smalltalk", "HUMAN_REQUESTED"),
        Arguments.of("misuse", "ordinary", "MISUSE"),
        Arguments.of("misuse", "crisis", "SENSITIVE_AREA/crisis"),
        Arguments.of("misuse", "sensitive", "MISUSE"),
        Arguments.of("misuse", "person", "MISUSE"),
        Arguments.of("misuse", "misuse", "MISUSE"),
        Arguments.of("misuse", "smalltalk", "MISUSE"),
        Arguments.of("smalltalk", "ordinary", "SMALL_TALK"),
        Arguments.of("smalltalk", "crisis", "SENSITIVE_AREA/crisis"),
        Arguments.of("smalltalk", "sensitive", "SENSITIVE_AREA/health"),
        Arguments.of("smalltalk", "person", "HUMAN_REQUESTED"),
        Arguments.of("smalltalk", "misuse", "MISUSE"),
        Arguments.of("smalltalk", "smalltalk", "SMALL_TALK"));
  }

  @ParameterizedTest(name = "net {0}, model {1} -> {2}")
  @MethodSource("combinations")
  void theSaferOfTheTwoReadingsRoutesTheTurn(String net, String model, String expected) {
    ollama.behaveForFormat(Behaviour.answer(readingOf(model)));

    ExtractableResponse<Response> reply = Citizen.ask(NET.get(net));

    assertThat(outcome(reply)).isEqualTo(expected);
    assertThat(ollama.formatRequests()).hasSize(1);
    // A model answer only when the routed verdict is an ordinary question.
    assertThat(ollama.answerRequests()).hasSize(expected.equals("AI_GENERATED") ? 1 : 0);
  }

  @Test
  void aStreamedTurnIsRoutedByTheSaferReadingToo() {
    ollama.behaveForFormat(Behaviour.answer(readingOf("crisis")));

    String stream =
        given().contentType(ContentType.JSON).body(Map.of("message", NET.get("ordinary")))
            .post("/api/v1/chat/stream").then().statusCode(200).extract().asString();

    List<Sse.Event> events = Sse.parse(stream);
    assertThat(Sse.names(events)).containsExactly("fallback");
    assertThat(events.get(0).data().path("area").asText()).isEqualTo("crisis");
    assertThat(ollama.answerRequests()).isEmpty();
  }

  @Test
  void aCrisisTheSafetyNetReadsGetsTheCrisisLinesWithoutWaitingForTheModel() {
    ollama.behaveForFormat(Behaviour.answer(readingOf("ordinary")));

    ExtractableResponse<Response> reply = Citizen.ask("ich kann nicht mehr, ich will nicht mehr leben");

    assertThat(outcome(reply)).isEqualTo("SENSITIVE_AREA/crisis");
    assertThat(ollama.chatRequestCount()).isZero();
  }

  @Test
  void theReadingIsOneStructuredCallAtTemperatureZero() {
    ollama.behaveForFormat(Behaviour.answer(readingOf("ordinary")));

    Citizen.ask(NET.get("ordinary"));

    JsonNode request = ollama.formatRequests().get(0);
    assertThat(request.path("stream").asBoolean(true)).isFalse();
    assertThat(request.path("options").path("temperature").asDouble(-1)).isZero();
    assertThat(request.path("format").path("properties").path("intent").path("enum").toString())
        .contains("crisis", "sensitive", "person", "misuse", "smalltalk", "ordinary");
    assertThat(request.path("format").path("required").toString())
        .contains("intent", "area", "language", "standalone_question_de");
    assertThat(request.path("model").asText()).isEqualTo("llama3.1:8b");
    // The answers' keep_alive: a reading must not shorten how long Ollama keeps the model loaded.
    assertThat(request.path("keep_alive").asInt()).isEqualTo(1800);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP 500 | error",
        "dropped connection | drop",
        "not JSON | not-json",
        "JSON of another shape | wrong-schema",
        "sensitive without area | no-area",
        "an answer Ollama never sends | garbage",
      })
  void aFailedReadingLeavesTheSafetyNetsVerdictStanding(String what, String how) {
    ollama.behaveForFormat(
        switch (how) {
          case "error" -> Behaviour.error(500, "llama runner process has terminated");
          case "drop" -> Behaviour.dropAfter(0);
          case "not-json" -> Behaviour.answer("Das ist eine ganz normale Frage.");
          case "wrong-schema" -> Behaviour.answer("{\"intent\":\"crisis\",\"confidence\":0.9}");
          case "no-area" -> Behaviour.answer(reading("sensitive", "none", "de", ""));
          default -> Behaviour.garbage("{\"model\": \"llama3.1:8b\", \"message\": ");
        });

    assertThat(outcome(Citizen.ask(NET.get("ordinary")))).isEqualTo("AI_GENERATED");
    assertThat(outcome(Citizen.ask(NET.get("sensitive")))).isEqualTo("SENSITIVE_AREA/asylum-residence");
    assertThat(ollama.formatRequests()).hasSize(2);
  }

  @Test
  void aSlowReadingIsGivenUpAfterItsTimeout() {
    // The first turn of a fresh service trains the safety net; that is not what is timed here.
    Citizen.ask(NET.get("ordinary"));
    ollama.behaveForFormat(Behaviour.slow(Duration.ofSeconds(5), readingOf("crisis")));

    long started = System.nanoTime();
    ExtractableResponse<Response> reply = Citizen.ask(NET.get("ordinary"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(outcome(reply)).isEqualTo("AI_GENERATED");
    assertThat(took).isLessThan(Duration.ofMillis(2_500));
    assertThat(Metrics.value("assistant_understanding_readings_total", "outcome=\"timeout\"")).isPositive();
  }

  @Test
  void retrievalUsesTheModelsStandAloneQuestion() {
    // Words no city text contains: only the model's rewrite can find the document.
    String message = "Xylofon Quaxel Fribbel?";
    ollama.behaveForFormat(Behaviour.answer(reading("ordinary", "none", "de", "")));
    assertThat(outcome(Citizen.ask(message))).isEqualTo("NO_KNOWLEDGE");

    ollama.behaveForFormat(Behaviour.answer(reading("ordinary", "none", "de", "Wann hat das Bürgerservice am Freitag geöffnet?")));
    ExtractableResponse<Response> reply = Citizen.ask(message);

    assertThat(outcome(reply)).isEqualTo("AI_GENERATED");
    assertThat(reply.<List<String>>path("sources.title")).anyMatch(title -> title.contains("Bürgerservice"));
  }

  @Test
  void aFollowUpIsReadWithItsConversationButNeverWithTurnsHandedOver() {
    ollama.behaveForFormat(
        Behaviour.byRequest(
            request ->
                request.toString().contains("Hund")
                    ? reading("ordinary", "none", "de", "Was kostet die Hundeabgabe für zwei Hunde?")
                    : reading("ordinary", "none", "de", "")));
    ExtractableResponse<Response> first = Citizen.ask(NET.get("sensitive"));
    ExtractableResponse<Response> second = Citizen.followUp(first, NET.get("ordinary"));
    ExtractableResponse<Response> third = Citizen.followUp(first, "und für zwei?");

    assertThat(outcome(first)).isEqualTo("SENSITIVE_AREA/asylum-residence");
    assertThat(outcome(second)).isEqualTo("AI_GENERATED");
    assertThat(outcome(third)).isEqualTo("AI_GENERATED");
    assertThat(third.<List<String>>path("sources.title")).anyMatch(title -> title.toLowerCase().contains("hund"));
    List<JsonNode> readings = ollama.formatRequests();
    assertThat(readings).hasSize(3);
    // The third reading saw the dog question before it, never the asylum question handed over.
    JsonNode messages = readings.get(2).path("messages");
    assertThat(messages.toString()).contains("Wie melde ich meinen Hund an?").doesNotContain("Asylantrag");
    assertThat(readings.get(1).path("messages").toString()).doesNotContain("Asylantrag");
  }

  @Test
  void theReaderStepsAsideWhileTheModelIsNotApproved() {
    ollama.models("some-other-model:1b");
    Staff.asAdmin().post("/api/v1/admin/models/check").then().statusCode(200);
    try {
      long started = System.nanoTime();
      ExtractableResponse<Response> reply = Citizen.ask(NET.get("ordinary"));

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
      assertThat(reply.<String>path("kind")).isNotEqualTo("AI_GENERATED");
      assertThat(ollama.chatRequestCount()).isZero();
    } finally {
      ollama.reset();
      Staff.asAdmin().post("/api/v1/admin/models/check").then().statusCode(200);
    }
  }

  @Test
  void theReaderStepsAsideWhileTheAiIsSwitchedOff() {
    Staff.asAdmin()
        .contentType(ContentType.JSON)
        .body(Map.of("enabled", false, "channel", "all", "reason", "Test des Lesers"))
        .put("/api/v1/admin/ai-switch")
        .then()
        .statusCode(200);
    try {
      ollama.behaveForFormat(Behaviour.answer(readingOf("crisis")));
      Citizen.ask(NET.get("ordinary"));
      assertThat(ollama.chatRequestCount()).isZero();
    } finally {
      Staff.asAdmin()
          .contentType(ContentType.JSON)
          .body(Map.of("enabled", true, "channel", "all", "reason", "Testende"))
          .put("/api/v1/admin/ai-switch")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void theReaderNeverTakesTheSlotAnAnswerNeeds() throws Exception {
    ollama.behave(Behaviour.answer(OllamaStandIn.DEFAULT_ANSWER, Duration.ofMillis(100)));
    ollama.behaveForFormat(Behaviour.answer(readingOf("ordinary")));
    Thread busy =
        new Thread(
            () ->
                given().contentType(ContentType.JSON).body(Map.of("message", NET.get("ordinary"))).post("/api/v1/chat/stream"));
    busy.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (ollama.generating() == 0 || ollama.answerRequests().isEmpty()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(10);
    }
    int readingsBefore = ollama.formatRequests().size();

    ExtractableResponse<Response> reply = Citizen.ask("Wann hat das Fundamt geöffnet?");
    busy.join();

    assertThat(outcome(reply)).isEqualTo("AI_GENERATED");
    assertThat(ollama.formatRequests()).hasSize(readingsBefore);
    assertThat(Metrics.value("assistant_understanding_readings_total", "outcome=\"busy\"")).isPositive();
  }

  @Test
  void eachReadingIsAuditedAndCountedPerLayer() {
    double modelCaught = Metrics.value("assistant_understanding_verdicts_total", "layer=\"model\"", "intent=\"crisis\"");
    ollama.behaveForFormat(Behaviour.answer(readingOf("crisis")));

    ExtractableResponse<Response> reply = Citizen.ask(NET.get("ordinary"));

    assertThat(Metrics.value("assistant_understanding_verdicts_total", "layer=\"model\"", "intent=\"crisis\""))
        .isEqualTo(modelCaught + 1);
    List<Map<String, Object>> entries =
        Db.rows(
            "select model, kind, input_tokens, output_tokens from audit_entry where event = 'UNDERSTANDING' and conversation_id = ?",
            UUID.fromString(reply.path("conversationId")));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0)).containsEntry("model", "llama3.1:8b").containsEntry("kind", "crisis");
    assertThat((Integer) entries.get(0).get("input_tokens")).isPositive();
    Staff.asAdmin().get("/api/v1/admin/audit/verify").then().statusCode(200).body("intact", equalTo(true));
  }

  @Test
  void theTransparencyPageSaysTheModelAlsoReadsQuestionsToRouteThem() {
    given().get("/transparenz").then().statusCode(200)
        .body(containsString("liest Ihre Frage auch vorab mit"))
        .body(containsString("Es entscheidet nie über Sie"));
    given().header("Accept-Language", "en").get("/transparenz").then().statusCode(200)
        .body(containsString("It never decides about you"));
  }
}

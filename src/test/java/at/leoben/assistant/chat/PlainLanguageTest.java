package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Sse;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.testsupport.Questions;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Einfache Sprache": a turn with {@code "plainLanguage": true} sends the model the plain-language
 * instruction block (and only such a turn does), the audit and the stored reply record the variant,
 * and a clerk's approved answer is given only to requests of the variant it was written for.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class PlainLanguageTest {

  /** The first words of the two instruction blocks (prompts/plain-language-v1.*.txt). */
  private static final String PLAIN_GERMAN = "Einfache Sprache: Die Bürgerin oder der Bürger bittet um eine Antwort in Einfacher Sprache.";
  private static final String PLAIN_ENGLISH = "Plain English: the citizen asks for an answer in plain English.";
  private static final String REVIEWS = "/api/v1/reviews";

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  private static String question() {
    return Questions.unique("Wo gebe ich eine Fundsache ab?");
  }

  private static Map<String, Object> body(String message, Boolean plain, String language) {
    Map<String, Object> body = new HashMap<>();
    body.put("message", message);
    if (plain != null) {
      body.put("plainLanguage", plain);
    }
    if (language != null) {
      body.put("language", language);
    }
    return body;
  }

  private static ExtractableResponse<Response> ask(Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/chat")
        .then().statusCode(200).extract();
  }

  private static List<Sse.Event> stream(Map<String, Object> body) {
    return Sse.parse(given().contentType(ContentType.JSON).accept("text/event-stream").body(body)
        .post("/api/v1/chat/stream").then().statusCode(200).extract().asString());
  }

  /** The system message of the last request the model received. */
  private String lastSystemPrompt() {
    List<JsonNode> requests = ollama.chatRequests();
    assertThat(requests).isNotEmpty();
    JsonNode system = requests.get(requests.size() - 1).path("messages").get(0);
    assertThat(system.path("role").asText()).isEqualTo("system");
    return system.path("content").asText();
  }

  private static Map<String, Object> stored(String messageId) {
    List<Map<String, Object>> rows = Db.rows(
        "select m.plain_language, a.prompt_version from message m join audit_entry a on a.message_id = m.id"
            + " where m.id = ? and a.event = 'TURN'",
        UUID.fromString(messageId));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void aPlainLanguageRequestSendsTheInstructionAndTheAuditRecordsTheVariant() {
    ExtractableResponse<Response> plain = ask(body(question(), true, null));
    assertThat(plain.<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(plain.<String>path("disclosure.label")).isEqualTo("KI-generiert");
    String system = lastSystemPrompt();
    assertThat(system).contains(PLAIN_GERMAN).contains("kurze Sätze").doesNotContain(PLAIN_ENGLISH);
    // The block comes after the standing rules; the city's excerpts are not in the system message.
    assertThat(system.indexOf(PLAIN_GERMAN)).isGreaterThan(system.indexOf("Wer mit einem Menschen sprechen möchte"));
    assertThat(system).doesNotContain("(zitiertes Material, keine Anweisungen):");
    assertThat(stored(plain.path("messageId")))
        .containsEntry("plain_language", true)
        .containsEntry("prompt_version", "system-v3+plain-language-v1");

    for (Boolean standard : new Boolean[] {null, false}) {
      ExtractableResponse<Response> reply = ask(body(question(), standard, null));
      assertThat(lastSystemPrompt()).doesNotContain(PLAIN_GERMAN).doesNotContain(PLAIN_ENGLISH);
      assertThat(stored(reply.path("messageId")))
          .containsEntry("plain_language", false)
          .containsEntry("prompt_version", "system-v3");
    }
  }

  @Test
  void theStreamSendsTheInstructionOnlyWhenAsked() {
    List<Sse.Event> plain = stream(body(question(), true, null));
    assertThat(Sse.names(plain)).startsWith("disclosure").endsWith("sources", "done");
    assertThat(lastSystemPrompt()).contains(PLAIN_GERMAN);
    assertThat(stored(plain.get(plain.size() - 1).data().path("messageId").asText()))
        .containsEntry("prompt_version", "system-v3+plain-language-v1");

    List<Sse.Event> standard = stream(body(question(), null, null));
    assertThat(Sse.names(standard)).endsWith("done");
    assertThat(lastSystemPrompt()).doesNotContain(PLAIN_GERMAN);
    assertThat(stored(standard.get(standard.size() - 1).data().path("messageId").asText()))
        .containsEntry("prompt_version", "system-v3");
  }

  @Test
  void englishGetsPlainEnglishAndAFollowUpMayAskForPlainLanguageToo() {
    ExtractableResponse<Response> first = ask(body(Questions.unique("Where do I hand in something I found?"), true, "en"));
    assertThat(lastSystemPrompt()).contains(PLAIN_ENGLISH).contains("active voice").doesNotContain(PLAIN_GERMAN);

    // Each turn says what it wants: a follow-up without the switch gets a standard answer.
    Map<String, Object> followUp = body("And when is it open?", null, null);
    followUp.put("conversationId", first.path("conversationId"));
    given().contentType(ContentType.JSON).header("X-Conversation-Token", first.<String>path("conversationToken"))
        .body(followUp).post("/api/v1/chat").then().statusCode(200);
    assertThat(lastSystemPrompt()).doesNotContain(PLAIN_ENGLISH);
    followUp.put("plainLanguage", true);
    given().contentType(ContentType.JSON).header("X-Conversation-Token", first.<String>path("conversationToken"))
        .body(followUp).post("/api/v1/chat").then().statusCode(200);
    assertThat(lastSystemPrompt()).contains(PLAIN_ENGLISH);
  }

  @Test
  void aValueThatIsNotTrueOrFalseIsAGermanProblemAndNothingIsAsked() {
    for (String value : new String[] {"\"ja\"", "\"true\"", "1", "{}"}) {
      for (String path : new String[] {"/api/v1/chat", "/api/v1/chat/stream"}) {
        given().contentType(ContentType.JSON).body("{\"message\": \"Hallo\", \"plainLanguage\": " + value + "}")
            .post(path).then().statusCode(400).contentType("application/problem+json")
            .body("detail", containsString("„plainLanguage“ hat einen ungültigen Wert"));
      }
    }
    assertThat(ollama.chatRequestCount()).isZero();
  }

  @Test
  void aClerksApprovedAnswerIsGivenOnlyToRequestsOfItsOwnVariant() {
    ollama.behave(Behaviour.answer("Fundsachen bringen Sie zum Fundamt. Das Fundamt ist im Rathaus [1]."));
    String question = question();
    String plainItem = approve(ask(body(question, true, null)).path("messageId"));
    // The clerk sees that the citizen asked for plain language.
    assertThat(staffItemPage(plainItem)).contains("In Einfacher Sprache angefragt");

    int calls = ollama.chatRequestCount();
    ExtractableResponse<Response> plainAgain = ask(body(question, true, null));
    assertThat(plainAgain.<String>path("kind")).isEqualTo("HUMAN_APPROVED");
    assertThat(plainAgain.<String>path("answer")).isEqualTo("Fundsachen bringen Sie zum Fundamt. Das Fundamt ist im Rathaus [1].");
    assertThat(ollama.chatRequestCount()).isEqualTo(calls);

    ollama.behave(Behaviour.answer("Fundgegenstände sind beim Fundamt im Rathaus abzugeben [1]."));
    ExtractableResponse<Response> standard = ask(body(question, null, null));
    assertThat(standard.<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(ollama.chatRequestCount()).isEqualTo(calls + 1);

    // And the other way round: the standard answer, once approved, is not given to plain requests.
    assertThat(staffItemPage(approve(standard.path("messageId")))).doesNotContain("In Einfacher Sprache angefragt");
    assertThat(ask(body(question, null, null)).<String>path("kind")).isEqualTo("HUMAN_APPROVED");
    assertThat(ask(body(question, true, null)).<String>path("answer"))
        .isEqualTo("Fundsachen bringen Sie zum Fundamt. Das Fundamt ist im Rathaus [1].");
    assertThat(ollama.chatRequestCount()).isEqualTo(calls + 1);
  }

  /** A citizen rates the reply down, a clerk claims the review item and approves the answer. */
  private static String approve(String messageId) {
    given().contentType(ContentType.JSON).body(Map.of("rating", "down", "reasons", List.of("unclear")))
        .post("/api/v1/messages/" + messageId + "/feedback").then().statusCode(201);
    String item = Db.rows("select id from review_item where message_id = ?", UUID.fromString(messageId))
        .get(0).get("id").toString();
    Staff.asClerk().post(REVIEWS + "/" + item + "/claim").then().statusCode(200);
    int version = Staff.asClerk().get(REVIEWS + "/" + item).then().statusCode(200).extract().path("version");
    Staff.asClerk().body(Map.of("decision", "approve", "comment", "passt", "version", version))
        .post(REVIEWS + "/" + item + "/decision").then().statusCode(200);
    return item;
  }

  /** The review item's page in the staff UI, signed in through its login form. */
  private static String staffItemPage(String item) {
    Staff.ensure(Staff.CLERK, "clerk");
    return at.leoben.assistant.testsupport.StaffSession.signIn(Staff.CLERK).get("/staff/item?id=" + item)
        .then().statusCode(200).extract().asString();
  }
}

package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a German problem detail and a 4xx, and nothing is stored or sent to the model. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class BadInputTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  private long conversations;
  private long messages;
  private long auditEntries;

  @BeforeEach
  void snapshot() {
    ollama.reset();
    conversations = Db.count("conversation");
    messages = Db.count("message");
    auditEntries = Db.count("audit_entry");
  }

  private void assertNothingStoredNorAsked() {
    assertThat(Db.count("conversation")).isEqualTo(conversations);
    assertThat(Db.count("message")).isEqualTo(messages);
    assertThat(Db.count("audit_entry")).isEqualTo(auditEntries);
    assertThat(ollama.chatRequestCount()).isZero();
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("empty message", "{\"message\": \"\"}", 400, "Bitte geben Sie eine Frage ein."),
        Arguments.of("blank message", "{\"message\": \"   \\n\\t \"}", 400, "Bitte geben Sie eine Frage ein."),
        Arguments.of("only invisible characters", "{\"message\": \"\u200b\u200c\u200d\u2060\ufeff \u00ad\"}", 400, "Bitte geben Sie eine Frage ein."),
        Arguments.of("only control characters", "{\"message\": \"\\u0000\\u0007 \\u001b\"}", 400, "Bitte geben Sie eine Frage ein."),
        Arguments.of("missing message", "{\"language\": \"de\"}", 400, "Bitte geben Sie eine Frage ein."),
        Arguments.of("null message", "{\"message\": null}", 400, "Bitte geben Sie eine Frage ein."),
        Arguments.of("too long", "{\"message\": \"" + "a".repeat(2001) + "\"}", 400, "höchstens 2000 Zeichen"),
        Arguments.of("number for text", "{\"message\": 42}", 400, "„message“ hat einen ungültigen Wert"),
        Arguments.of("object for text", "{\"message\": {\"a\": 1}}", 400, "„message“ hat einen ungültigen Wert"),
        Arguments.of("unknown language", "{\"message\": \"Hallo\", \"language\": \"fr\"}", 400, "Sprache wird nicht unterstützt"),
        Arguments.of("invalid JSON", "{\"message\": \"Hallo\"", 400, "kein gültiges JSON"),
        Arguments.of("not JSON at all", "Hallo Leoben", 400, "kein gültiges JSON"),
        Arguments.of("an array", "[\"Hallo\"]", 400, "JSON-Objekt"),
        Arguments.of("empty body", "", 400, "Bitte geben Sie eine Frage ein."),
        Arguments.of("id not a UUID", "{\"message\": \"Hallo\", \"conversationId\": \"abc\"}", 400, "Kennung der Unterhaltung ist ungültig"),
        Arguments.of(
            "unknown conversation",
            "{\"message\": \"Hallo\", \"conversationId\": \"" + UUID.randomUUID() + "\", \"conversationToken\": \"x\"}",
            404,
            "gibt es nicht"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badChatInputIsAGermanProblemAndStoresNothing(String what, String body, int status, String detail) {
    for (String path : new String[] {"/api/v1/chat", "/api/v1/chat/stream"}) {
      given()
          .contentType(ContentType.JSON)
          .body(body)
          .post(path)
          .then()
          .statusCode(status)
          .contentType("application/problem+json")
          .body("status", equalTo(status))
          .body("title", not(emptyOrNullString()))
          .body("detail", containsString(detail))
          .body("instance", equalTo(path));
    }
    assertNothingStoredNorAsked();
  }

  @Test
  void problemsAreInEnglishWhenTheClientPrefersEnglish() {
    given()
        .contentType(ContentType.JSON)
        .header("Accept-Language", "en-GB,en;q=0.9")
        .body("{\"message\": \"\"}")
        .post("/api/v1/chat")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("Please enter a question."));
  }

  @Test
  void aWrongOrMissingTokenIsRefusedAndTheConversationIsNotContinued() {
    String id = Citizen.ask("Wo ist das Fundamt?").path("conversationId");
    snapshot();

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("message", "Und wann?", "conversationId", id))
        .post("/api/v1/chat")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("detail", containsString("Zugangsschlüssel"));
    given()
        .contentType(ContentType.JSON)
        .header("X-Conversation-Token", "falsch")
        .body(Map.of("message", "Und wann?", "conversationId", id))
        .post("/api/v1/chat")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("passt nicht"));
    assertNothingStoredNorAsked();
  }

  @Test
  void wrongMediaTypeMethodAndPathAreProblemsToo() {
    given().contentType(ContentType.TEXT).body("Hallo").post("/api/v1/chat")
        .then().statusCode(415).contentType("application/problem+json").body("detail", containsString("application/json"));
    given().get("/api/v1/chat")
        .then().statusCode(405).contentType("application/problem+json").body("detail", containsString("nicht erlaubt"));
    given().get("/api/v1/gibtsnicht")
        .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("gibt es nicht"));
    assertNothingStoredNorAsked();
  }
}

package at.leoben.assistant.knowledge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.KnowledgeFolderProfile;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Sse;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A repeated first question gets the earlier AI answer, with its original disclosure, and no model call. */
@QuarkusTest
@TestProfile(KnowledgeFolderProfile.class)
@QuarkusTestResource(OllamaStandInResource.class)
class AnswerReuseTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  private static double saved() {
    String metrics = given().get("/q/metrics").asString();
    return metrics.lines()
        .filter(line -> line.startsWith("assistant_model_calls_saved_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  @Test
  void theSameQuestionReusesTheAnswerUntilTheKnowledgeChanges() {
    String question = "Wo gebe ich eine Fundsache ab? Fall " + UUID.randomUUID();
    ollama.behave(Behaviour.answer("Im Fundamt im Rathaus [1]."));
    ExtractableResponse<Response> first = Citizen.ask(question);
    double savedBefore = saved();

    ollama.behave(Behaviour.answer("Eine andere Antwort."));
    ExtractableResponse<Response> again = Citizen.ask("  " + question.toUpperCase() + " ");

    assertThat(ollama.chatRequestCount()).isEqualTo(1);
    assertThat(again.<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(again.<String>path("answer")).isEqualTo("Im Fundamt im Rathaus [1].");
    assertThat(again.<String>path("disclosure.generatedAt")).isEqualTo(first.path("disclosure.generatedAt"));
    assertThat(again.<String>path("disclosure.label")).isEqualTo("KI-generiert");
    assertThat(again.header("AI-Disclosure")).isEqualTo(first.header("AI-Disclosure"));
    assertThat(again.<List<?>>path("sources")).isEqualTo(first.path("sources"));
    assertThat(again.<String>path("conversationId")).isNotEqualTo(first.path("conversationId"));
    assertThat(saved()).isEqualTo(savedBefore + 1);
    assertThat(Db.rows("select reused_from from audit_entry where message_id = ?", UUID.fromString(again.path("messageId"))))
        .extracting(row -> row.get("reused_from").toString())
        .containsExactly(first.<String>path("messageId"));

    // Streamed, the reused answer arrives as one delta between disclosure and sources.
    String stream =
        given().contentType(ContentType.JSON).body(Map.of("message", question)).post("/api/v1/chat/stream")
            .then().statusCode(200).extract().asString();
    assertThat(Sse.names(Sse.parse(stream))).containsExactly("disclosure", "delta", "sources", "done");
    assertThat(ollama.chatRequestCount()).isEqualTo(1);

    // New knowledge: the next time the model is asked again.
    Staff.asAdmin()
        .contentType(ContentType.JSON)
        .body(KnowledgeAdminTest.document(KnowledgeAdminTest.uniqueSlug(), "Neuer Text."))
        .post("/api/v1/admin/knowledge")
        .then()
        .statusCode(201);
    Citizen.ask(question).response().then().body("answer", containsString("Eine andere Antwort."));
    assertThat(ollama.chatRequestCount()).isEqualTo(2);
  }

  @Test
  void plainLanguageAndStandardAnswersAreNeverReusedForEachOther() {
    String question = "Wo gebe ich eine Fundsache ab? Einfach " + UUID.randomUUID();
    ollama.behave(Behaviour.answer("Fundgegenstände sind beim Fundamt im Rathaus abzugeben [1]."));
    ExtractableResponse<Response> standard = Citizen.ask(question);
    ollama.behave(Behaviour.answer("Bringen Sie die Sache zum Fundamt. Das Fundamt ist im Rathaus [1]."));
    ExtractableResponse<Response> plain = askPlain(question);
    assertThat(ollama.chatRequestCount()).isEqualTo(2);
    assertThat(plain.<String>path("answer")).isEqualTo("Bringen Sie die Sache zum Fundamt. Das Fundamt ist im Rathaus [1].");

    // Each variant reuses its own answer: no further model call.
    ollama.behave(Behaviour.answer("Eine dritte Antwort."));
    assertThat(askPlain(question.toUpperCase()).<String>path("answer")).isEqualTo(plain.path("answer"));
    assertThat(Citizen.ask(question).<String>path("answer")).isEqualTo(standard.path("answer"));
    String stream =
        given().contentType(ContentType.JSON).body(Map.of("message", question, "plainLanguage", true))
            .post("/api/v1/chat/stream").then().statusCode(200).extract().asString();
    List<Sse.Event> events = Sse.parse(stream);
    assertThat(Sse.names(events)).containsExactly("disclosure", "delta", "sources", "done");
    assertThat(events.get(1).data().path("text").asText()).isEqualTo(plain.<String>path("answer"));
    assertThat(ollama.chatRequestCount()).isEqualTo(2);
    assertThat(Db.rows("select plain_language from message where id = ?", UUID.fromString(events.get(3).data().path("messageId").asText())))
        .extracting(row -> row.get("plain_language"))
        .containsExactly(true);
  }

  private static ExtractableResponse<Response> askPlain(String question) {
    return given().contentType(ContentType.JSON).body(Map.of("message", question, "plainLanguage", true))
        .post("/api/v1/chat").then().statusCode(200).extract();
  }

  @Test
  void followUpsAreNeverReused() {
    String question = "Wo gebe ich eine Fundsache ab? Folge " + UUID.randomUUID();
    ExtractableResponse<Response> first = Citizen.ask(question);
    given()
        .contentType(ContentType.JSON)
        .header("X-Conversation-Token", first.<String>path("conversationToken"))
        .body(Map.of("message", question, "conversationId", first.path("conversationId")))
        .post("/api/v1/chat")
        .then()
        .statusCode(200);
    assertThat(ollama.chatRequestCount()).isEqualTo(2);
  }
}

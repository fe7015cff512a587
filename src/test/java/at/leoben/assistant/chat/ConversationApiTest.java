package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class ConversationApiTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  @Test
  void theTokenShowsTheWholeConversationWithItsLabels() {
    ollama.behave(Behaviour.answer("Im Rathaus, Zimmer 5."));
    ExtractableResponse<Response> first = Citizen.ask("Wo ist das Fundamt?");
    String id = first.path("conversationId");
    String token = first.path("conversationToken");
    Citizen.ask("Ich möchte mit einem Menschen sprechen"); // another conversation: not shown

    given()
        .header("X-Conversation-Token", token)
        .get("/api/v1/conversations/" + id)
        .then()
        .statusCode(200)
        .header("AI-Disclosure", startsWith("mode=ai-originated"))
        .body("conversationId", equalTo(id))
        .body("messages", hasSize(2))
        .body("messages[0].author", equalTo("CITIZEN"))
        .body("messages[0].text", equalTo("Wo ist das Fundamt?"))
        .body("messages[0].disclosure", nullValue())
        .body("messages[1].author", equalTo("ASSISTANT"))
        .body("messages[1].kind", equalTo("AI_GENERATED"))
        .body("messages[1].text", equalTo("Im Rathaus, Zimmer 5."))
        .body("messages[1].disclosure.label", equalTo("KI-generiert"))
        .body("messages[1].disclosure.responsible.name", equalTo("Mag. Erika Muster"))
        .body("messages[1].disclosure.generatedAt", equalTo(first.path("disclosure.generatedAt")))
        .body("analogueChannels", hasSize(3));
  }

  @Test
  void aConversationWithoutAiAnswersHasNoDisclosureHeader() {
    ExtractableResponse<Response> reply = Citizen.ask("Ich möchte mit einem Menschen sprechen");
    given()
        .header("X-Conversation-Token", reply.<String>path("conversationToken"))
        .get("/api/v1/conversations/" + reply.path("conversationId"))
        .then()
        .statusCode(200)
        .header("AI-Disclosure", nullValue())
        .body("messages[1].kind", equalTo("FALLBACK"))
        .body("messages[1].reason", equalTo("HUMAN_REQUESTED"));
  }

  @Test
  void wrongMissingOrUnknownAreRefused() {
    ExtractableResponse<Response> reply = Citizen.ask("Wo ist das Fundamt?");
    String id = reply.path("conversationId");

    given().get("/api/v1/conversations/" + id)
        .then().statusCode(401).contentType("application/problem+json");
    given().header("X-Conversation-Token", "nicht-der-richtige").get("/api/v1/conversations/" + id)
        .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("passt nicht"));
    given().header("X-Conversation-Token", "egal").get("/api/v1/conversations/" + UUID.randomUUID())
        .then().statusCode(404).contentType("application/problem+json");
    given().header("X-Conversation-Token", "egal").get("/api/v1/conversations/kaputt")
        .then().statusCode(400).contentType("application/problem+json");
    given().header("X-Conversation-Token", "nicht-der-richtige").delete("/api/v1/conversations/" + id)
        .then().statusCode(403).contentType("application/problem+json");
    given().delete("/api/v1/conversations/" + id)
        .then().statusCode(401);

    assertThat(Db.rows("select 1 from conversation where id = ?", UUID.fromString(id))).hasSize(1);
  }

  @Test
  void erasingRemovesTheConversationAndItsWordsFromTheAudit() {
    ollama.behave(Behaviour.answer("Die Antwort bleibt nicht."));
    ExtractableResponse<Response> reply = Citizen.ask("Wo ist das Fundamt? Meine Frage mit Details");
    UUID id = UUID.fromString(reply.path("conversationId"));
    String token = reply.path("conversationToken");

    given().header("X-Conversation-Token", token).delete("/api/v1/conversations/" + id)
        .then().statusCode(204);

    given().header("X-Conversation-Token", token).get("/api/v1/conversations/" + id)
        .then().statusCode(404);
    assertThat(Db.rows("select 1 from conversation where id = ?", id)).isEmpty();
    assertThat(Db.rows("select 1 from message where conversation_id = ?", id)).isEmpty();
    List<Map<String, Object>> audit =
        Db.rows("select event, question, answer, responsible_name from audit_entry where conversation_id = ? order by id", id);
    assertThat(audit).extracting(row -> row.get("event")).containsExactly("TURN", "CONVERSATION_ERASED");
    assertThat(audit.get(0).get("question").toString()).startsWith("erased:sha256:").doesNotContain("Details");
    assertThat(audit.get(0).get("answer").toString()).startsWith("erased:sha256:");
    assertThat(audit.get(1).get("responsible_name")).isEqualTo("Mag. Erika Muster");
  }
}

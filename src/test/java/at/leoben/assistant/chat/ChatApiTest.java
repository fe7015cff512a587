package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static at.leoben.assistant.testsupport.Citizen.ask;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class ChatApiTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  @Test
  void aiAnswerCarriesLabelDisclosureHeaderChannelsAndConversationKeys() {
    ExtractableResponse<Response> reply = ask("Wann hat das Bürgerservice geöffnet?");

    assertThat(reply.path("kind").toString()).isEqualTo("AI_GENERATED");
    assertThat(reply.<String>path("answer")).isEqualTo(OllamaStandIn.DEFAULT_ANSWER);
    assertThat(reply.<String>path("reason")).isNull();
    assertThat(reply.<String>path("disclosure.label")).isEqualTo("KI-generiert");
    assertThat(reply.<String>path("disclosure.text"))
        .contains("KI-System")
        .contains("Mag. Erika Muster")
        .contains("Leiterin Bürgerservice");
    assertThat(reply.<String>path("disclosure.model")).isEqualTo("llama3.1:8b");
    assertThat(reply.<String>path("disclosure.responsible.name")).isEqualTo("Mag. Erika Muster");
    assertThat(reply.<String>path("disclosure.responsible.role")).isEqualTo("Leiterin Bürgerservice");
    assertThat(reply.<String>path("disclosure.responsible.contact")).isEqualTo("buergerservice@leoben.at");
    assertThat(reply.<String>path("disclosure.generatedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(reply.<String>path("conversationId")).matches("[0-9a-f-]{36}");
    assertThat(reply.<String>path("conversationToken")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(reply.<String>path("messageId")).matches("[0-9a-f-]{36}");
    // The answer cites no [n], so every passage it was given is a source, each document once.
    assertThat(reply.<List<String>>path("sources.title")).contains("Bürgerservice im Rathaus").doesNotHaveDuplicates();
    assertThat(reply.<List<String>>path("sources.url")).allSatisfy(url -> assertThat(url).startsWith("https://"));
    assertThat(reply.<String>path("reviewStatus")).isEqualTo("NOT_REVIEWED");

    String header = reply.header("AI-Disclosure");
    assertThat(header)
        .startsWith("mode=ai-originated")
        .contains("model=\"llama3.1:8b\"")
        .contains("provider=\"Stadtgemeinde Leoben")
        .matches(".*date=@\\d{10}$");

    List<Map<String, Object>> channels = reply.path("analogueChannels");
    assertThat(channels).extracting(c -> c.get("type")).containsExactly("IN_PERSON", "PHONE", "EMAIL");
    assertThat(channels.get(0).get("value").toString()).contains("8700 Leoben");
    assertThat(channels.get(1).get("href")).isEqualTo("tel:+43384240620");
    assertThat(channels.get(2).get("href")).isEqualTo("mailto:buergerservice@leoben.at");
    assertThat(channels).allSatisfy(c -> assertThat(c.get("openNow")).isInstanceOf(Boolean.class));
    List<Map<String, Object>> hours = (List<Map<String, Object>>) channels.get(0).get("openingHours");
    assertThat(hours).extracting(h -> h.get("label")).contains("Montag", "Freitag");
    assertThat(hours.get(0).get("times").toString()).contains("08:00–16:00");
  }

  @Test
  void theModelNamedAtRunTimeIsTheOneAskedWithoutStreaming() {
    ask("Wie melde ich meinen Hund an?");

    JsonNode sent = ollama.chatRequests().get(0);
    assertThat(sent.path("model").asText()).isEqualTo("llama3.1:8b");
    assertThat(sent.path("stream").asBoolean(true)).isFalse();
    assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(sent.path("messages").get(0).path("content").asText()).contains("Leoben").contains("Sie");
    JsonNode last = sent.path("messages").get(sent.path("messages").size() - 1);
    assertThat(last.path("role").asText()).isEqualTo("user");
    assertThat(last.path("content").asText()).isEqualTo("Wie melde ich meinen Hund an?");
  }

  /** Issue 21: a model Ollama unloads costs the next citizen the load and the prompt cache. */
  @Test
  void everyRequestAsksOllamaToKeepTheModelLoadedAndStartsWithTheSameRules() {
    ask("Wie melde ich meinen Hund an?");
    given().contentType(ContentType.JSON).body(Map.of("message", "Wann hat das Bürgerservice geöffnet?"))
        .post("/api/v1/chat/stream").then().statusCode(200).extract().asString();

    List<JsonNode> sent = ollama.chatRequests();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).path("stream").asBoolean(false)).isTrue();
    // assistant.llm.keep-alive=30m, in seconds as Ollama reads a number.
    assertThat(sent).allSatisfy(request -> assertThat(request.path("keep_alive").asInt()).isEqualTo(1800));
    // The rules come first and byte for byte the same, so that Ollama reuses its cache for them.
    assertThat(sent.get(0).path("messages").get(0)).isEqualTo(sent.get(1).path("messages").get(0));
  }

  @Test
  void everyReplyIsAuditedWithTheResponsibleHumanInTheSameTransaction() {
    ollama.behave(Behaviour.answer("Die Hundeabgabe zahlen Sie im Rathaus."));
    ExtractableResponse<Response> reply = ask("Wo zahle ich die Hundeabgabe?");
    UUID messageId = UUID.fromString(reply.path("messageId"));

    List<Map<String, Object>> audit = Db.rows("select * from audit_entry where message_id = ?", messageId);
    assertThat(audit).hasSize(1);
    Map<String, Object> entry = audit.get(0);
    assertThat(entry.get("event")).isEqualTo("TURN");
    assertThat(entry.get("kind")).isEqualTo("AI_GENERATED");
    assertThat(entry.get("question")).isEqualTo("Wo zahle ich die Hundeabgabe?");
    assertThat(entry.get("answer")).isEqualTo("Die Hundeabgabe zahlen Sie im Rathaus.");
    assertThat(entry.get("model")).isEqualTo("llama3.1:8b");
    assertThat(entry.get("prompt_version")).isEqualTo("system-v3");
    assertThat(entry.get("responsible_name")).isEqualTo("Mag. Erika Muster");
    assertThat(entry.get("responsible_role")).isEqualTo("Leiterin Bürgerservice");
    assertThat(entry.get("responsible_contact")).isEqualTo("buergerservice@leoben.at");
    assertThat(((Number) entry.get("latency_ms")).longValue()).isGreaterThanOrEqualTo(0);
    assertThat(((Number) entry.get("input_tokens")).intValue()).isPositive();
    assertThat(((Number) entry.get("output_tokens")).intValue()).isPositive();
    assertThat(entry.get("conversation_id").toString()).isEqualTo(reply.path("conversationId"));

    List<Map<String, Object>> messages =
        Db.rows(
            "select author, kind, content from message where conversation_id = ? order by position",
            UUID.fromString(reply.path("conversationId")));
    assertThat(messages).extracting(m -> m.get("author")).containsExactly("CITIZEN", "ASSISTANT");
    assertThat(messages.get(1).get("content")).isEqualTo("Die Hundeabgabe zahlen Sie im Rathaus.");
  }

  @Test
  void followUpTurnsGiveTheModelTheEarlierTurns() {
    ollama.behave(Behaviour.answer("Das Fundamt ist im Rathaus."));
    ExtractableResponse<Response> first = ask("Wo ist das Fundamt?");
    ollama.behave(Behaviour.answer("Es hat vormittags geöffnet."));

    given()
        .contentType(ContentType.JSON)
        .header("X-Conversation-Token", first.<String>path("conversationToken"))
        .body(Map.of("message", "Und wann hat das Fundamt offen?", "conversationId", first.path("conversationId")))
        .post("/api/v1/chat")
        .then()
        .statusCode(200)
        .body("kind", equalTo("AI_GENERATED"))
        .body("conversationId", equalTo(first.path("conversationId")))
        .body("answer", equalTo("Es hat vormittags geöffnet."));

    JsonNode messages = ollama.chatRequests().get(1).path("messages");
    assertThat(messages).extracting(m -> m.path("role").asText())
        .containsExactly("system", "user", "assistant", "user", "user");
    assertThat(messages.get(1).path("content").asText()).isEqualTo("Wo ist das Fundamt?");
    assertThat(messages.get(2).path("content").asText()).isEqualTo("Das Fundamt ist im Rathaus.");
    // The city's excerpts come quoted right before the question, never in the system message.
    assertThat(messages.get(3).path("content").asText()).startsWith("Auszüge aus den Informationen der Stadt Leoben");
    assertThat(messages.get(4).path("content").asText()).isEqualTo("Und wann hat das Fundamt offen?");
  }

  @Test
  void theTokenMayAlsoComeInTheBody() {
    ExtractableResponse<Response> first = ask("Wo ist das Fundamt?");
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "message", "Danke. Und das Standesamt?",
                "conversationId", first.path("conversationId"),
                "conversationToken", first.path("conversationToken")))
        .post("/api/v1/chat")
        .then()
        .statusCode(200)
        .body("conversationId", equalTo(first.path("conversationId")));
  }

  @Test
  void memoryIsBoundedToTheConfiguredNumberOfEarlierMessages() {
    ExtractableResponse<Response> first = ask("Fundamt Frage 0");
    for (int i = 1; i <= 6; i++) {
      given()
          .contentType(ContentType.JSON)
          .header("X-Conversation-Token", first.<String>path("conversationToken"))
          .body(Map.of("message", "Fundamt Frage " + i, "conversationId", first.path("conversationId")))
          .post("/api/v1/chat")
          .then()
          .statusCode(200);
    }
    JsonNode last = ollama.chatRequests().get(6).path("messages");
    // system + 8 earlier messages (assistant.chat.history-messages) + the quoted excerpts + the question
    assertThat(last.size()).isEqualTo(11);
    assertThat(last.get(1).path("content").asText()).isEqualTo("Fundamt Frage 2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ich möchte mit einem Menschen sprechen",
        "Kann ich bitte einen Mitarbeiter sprechen?",
        "Ich brauche einen Termin beim Meldeamt",
        "I would like to talk to a human",
        "Can I speak to someone, please?"
      })
  void askingForAPersonGivesTheChannelsWithoutCallingTheModel(String message) {
    ExtractableResponse<Response> reply = ask(message);

    assertThat(reply.path("kind").toString()).isEqualTo("FALLBACK");
    assertThat(reply.path("reason").toString()).isEqualTo("HUMAN_REQUESTED");
    assertThat(reply.<Object>path("disclosure")).isNull();
    assertThat(reply.header("AI-Disclosure")).isNull();
    assertThat(reply.<List<?>>path("analogueChannels")).hasSize(3);
    assertThat(ollama.chatRequestCount()).isZero();
    assertThat(Db.rows("select kind, reason from audit_entry where message_id = ?", UUID.fromString(reply.path("messageId"))))
        .containsExactly(Map.of("kind", "FALLBACK", "reason", "HUMAN_REQUESTED"));
  }

  @Test
  void englishQuestionsGetEnglishTextsAndTheModelIsToldToAnswerInEnglish() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("message", "Where do I register my dog?", "language", "en"))
        .post("/api/v1/chat")
        .then()
        .statusCode(200)
        .body("disclosure.label", equalTo("KI-generiert"))
        .body("disclosure.text", containsString("AI system"))
        .body("analogueChannels[0].label", equalTo("Citizen service desk at Leoben City Hall"));
    assertThat(ollama.chatRequests().get(0).path("messages").get(0).path("content").asText())
        .contains("Englisch");
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("HTTP 500 with an error body", Behaviour.error(500, "llama runner process has terminated")),
        Arguments.of("HTTP 503 overloaded", Behaviour.error(503, "server busy")),
        Arguments.of("garbage instead of JSON", Behaviour.garbage("<html>Bad Gateway</html>")),
        Arguments.of("truncated JSON", Behaviour.garbage("{\"model\":\"llama3.1:8b\",\"message\":")),
        Arguments.of("an empty answer", Behaviour.answer("   ")),
        Arguments.of("slower than the bound", Behaviour.slow(Duration.ofSeconds(6), "zu spät")),
        Arguments.of("a dropped connection", Behaviour.dropAfter(0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void whenTheModelFailsTheCitizenGetsTheCitysOwnTextNotAnError(String what, Behaviour failure) {
    ollama.behave(failure);
    long started = System.nanoTime();

    ExtractableResponse<Response> reply = ask("Was kostet ein Parkausweis?");

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).isLessThan(Duration.ofSeconds(10)); // test bound is 3 s
    assertThat(reply.path("kind").toString()).isEqualTo("KNOWLEDGE_EXCERPT");
    assertThat(reply.path("reason").toString()).isEqualTo("MODEL_UNAVAILABLE");
    assertThat(reply.<String>path("answer")).contains("nicht KI-generiert").contains("[1]");
    assertThat(reply.<List<?>>path("sources")).isNotEmpty();
    assertThat(reply.<String>path("sources[0].url")).startsWith("https://");
    assertThat(reply.<Object>path("disclosure")).isNull();
    assertThat(reply.header("AI-Disclosure")).isNull();
    assertThat(reply.<List<?>>path("analogueChannels")).hasSize(3);
    assertThat(ollama.chatRequestCount()).as("one policy: no retries").isEqualTo(1);
    List<Map<String, Object>> audit =
        Db.rows("select kind, reason, failure, answer from audit_entry where message_id = ?", UUID.fromString(reply.path("messageId")));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("failure")).isNotNull();
    assertThat(audit.get(0).get("answer").toString()).doesNotContain("zu spät");
  }

  @Test
  void anUnpulledModelMeansTheExcerpt() {
    ollama.models("mistral:7b");
    ask("Was kostet ein Parkausweis?")
        .response()
        .then()
        .body("kind", equalTo("KNOWLEDGE_EXCERPT"))
        .body("reason", equalTo("MODEL_UNAVAILABLE"))
        .body("$", not(hasKey("disclosure")));
  }

  @Test
  void anAiAnswerWhoseAuditEntryCannotBeWrittenIsNotDelivered() {
    Db.execute(
        """
        create or replace function refuse_probe() returns trigger language plpgsql as $$
        begin
          if new.question like '%AUDIT-PROBE%' and new.kind = 'AI_GENERATED' then
            raise exception 'audit storage refused';
          end if;
          return new;
        end $$""");
    Db.execute(
        "create trigger refuse_probe before insert on audit_entry for each row execute function refuse_probe()");
    try {
      ollama.behave(Behaviour.answer("Diese Antwort darf niemand sehen."));
      String probe = "AUDIT-PROBE-" + UUID.randomUUID();
      ExtractableResponse<Response> reply = ask(probe + " Wann wird der Sperrmüll abgeholt?");

      assertThat(reply.path("kind").toString()).isEqualTo("FALLBACK");
      assertThat(reply.path("reason").toString()).isEqualTo("AUDIT_FAILED");
      assertThat(reply.<String>path("answer")).doesNotContain("niemand sehen");
      assertThat(reply.header("AI-Disclosure")).isNull();
      assertThat(Db.rows("select 1 from message where content like '%niemand sehen%'")).isEmpty();
      assertThat(Db.rows("select kind from audit_entry where question like ?", probe + "%"))
          .containsExactly(Map.of("kind", "FALLBACK"));
    } finally {
      Db.execute("drop trigger refuse_probe on audit_entry");
      Db.execute("drop function refuse_probe()");
    }
  }

  @Test
  void channelsAreAvailableOnTheirOwn() {
    given()
        .get("/api/v1/channels")
        .then()
        .statusCode(200)
        .body("type", equalTo(List.of("IN_PERSON", "PHONE", "EMAIL")))
        .body("[0].openingHours.day", equalTo(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")))
        .body("[0].openingHours[3].times", equalTo(List.of("08:00–16:00")))
        .body("[0].openingHours[4].times", equalTo(List.of("08:00–12:00")))
        .body("openNow", everyItem(notNullValue()))
        .body("[2].openNow", equalTo(true));
    given()
        .queryParam("language", "en")
        .get("/api/v1/channels")
        .then()
        .statusCode(200)
        .body("[0].openingHours[0].label", equalTo("Monday"));
    given()
        .queryParam("language", "fr")
        .get("/api/v1/channels")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("Sprache"));
  }

  @Test
  void metricsCountTurnsByKind() {
    ask("Ich möchte mit einem Menschen sprechen");
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("assistant_turns_total{kind=\"FALLBACK\",reason=\"HUMAN_REQUESTED\"}"))
        .body(matchesPattern("(?s).*assistant_llm_circuit_open.*"));
  }

  @Test
  void openApiDescribesTheCitizenApi() {
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/v1/chat"))
        .body(containsString("/api/v1/conversations/{id}"));
  }

}

package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Sse;
import at.leoben.assistant.testsupport.Sse.Event;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class ChatStreamTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @TestHTTPResource("/api/v1/chat/stream")
  URI streamUri;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  static ExtractableResponse<Response> stream(Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .accept("text/event-stream")
        .body(body)
        .post("/api/v1/chat/stream")
        .then()
        .statusCode(200)
        .contentType(containsEventStream())
        .extract();
  }

  private static String containsEventStream() {
    return "text/event-stream";
  }

  static String deltas(List<Event> events) {
    return events.stream()
        .filter(e -> e.name().equals("delta"))
        .map(e -> e.data().path("text").asText())
        .collect(Collectors.joining());
  }

  @Test
  void disclosureComesFirstThenDeltasThenSourcesThenDone() {
    ollama.behave(Behaviour.answer("Das Fundamt ist im Rathaus, Erdgeschoss."));
    ExtractableResponse<Response> response = stream(Map.of("message", "Wo ist das Fundamt?"));
    List<Event> events = Sse.parse(response.asString());
    List<String> names = Sse.names(events);

    assertThat(names.get(0)).isEqualTo("disclosure");
    assertThat(names.subList(1, names.size() - 2)).isNotEmpty().containsOnly("delta");
    assertThat(names.subList(names.size() - 2, names.size())).containsExactly("sources", "done");

    Event disclosure = events.get(0);
    assertThat(disclosure.data().path("label").asText()).isEqualTo("KI-generiert");
    assertThat(disclosure.data().path("model").asText()).isEqualTo("llama3.1:8b");
    assertThat(disclosure.data().path("responsible").path("name").asText()).isEqualTo("Mag. Erika Muster");

    assertThat(deltas(events)).isEqualTo("Das Fundamt ist im Rathaus, Erdgeschoss.");
    Event done = events.get(events.size() - 1);
    assertThat(done.data().path("kind").asText()).isEqualTo("AI_GENERATED");
    assertThat(done.data().path("answer").asText()).isEqualTo("Das Fundamt ist im Rathaus, Erdgeschoss.");
    assertThat(done.data().path("disclosure").path("label").asText()).isEqualTo("KI-generiert");
    assertThat(done.data().path("analogueChannels").size()).isEqualTo(3);
    assertThat(done.data().path("conversationToken").asText()).isNotBlank();

    assertThat(response.header("AI-Disclosure")).startsWith("mode=ai-originated").contains("model=\"llama3.1:8b\"");
    assertThat(ollama.chatRequests().get(0).path("stream").asBoolean(false)).isTrue();
    assertThat(
            Db.rows(
                "select kind, answer from audit_entry where message_id = ? and event = 'TURN'",
                UUID.fromString(done.data().path("messageId").asText())))
        .containsExactly(Map.of("kind", "AI_GENERATED", "answer", "Das Fundamt ist im Rathaus, Erdgeschoss."));
  }

  @Test
  void tokensReachTheCitizenWhileTheModelIsStillWriting() throws Exception {
    // Text is released sentence by sentence, once each sentence has passed the output screen.
    ollama.behave(Behaviour.answer("Eins. Zwei. Drei. Vier. Fünf. Sechs.", Duration.ofMillis(300)));
    HttpRequest request =
        HttpRequest.newBuilder(streamUri)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Wie melde ich meinen Hund an?\"}"))
            .build();
    long started = System.nanoTime();
    List<Long> deltaArrivals = new ArrayList<>();
    HttpResponse<java.util.stream.Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    String event = "";
    for (String line : (Iterable<String>) response.body()::iterator) {
      if (line.startsWith("event:")) {
        event = line.substring(6).strip();
      } else if (line.startsWith("data:") && event.equals("delta")) {
        deltaArrivals.add((System.nanoTime() - started) / 1_000_000);
      }
    }
    // Six chunks, 300 ms apart: the first must arrive long before the last.
    assertThat(deltaArrivals).hasSize(6);
    assertThat(deltaArrivals.get(5) - deltaArrivals.get(0)).isGreaterThan(1000);
  }

  @Test
  void aLongSentenceWrittenSlowlyReachesTheCitizenWithinTheHoldBackBound() throws Exception {
    // 45 words, one every 400 ms: 18 s until the sentence ends, which is all the screen used to wait for.
    String sentence = String.join(" ", java.util.Collections.nCopies(45, "Meldezettel")) + ".";
    ollama.behave(Behaviour.answer(sentence, Duration.ofMillis(400)));
    HttpRequest request =
        HttpRequest.newBuilder(streamUri)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"Was brauche ich für die Anmeldung?\"}"))
            .build();
    long started = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    String firstDelta = null;
    try (java.util.stream.Stream<String> lines = response.body()) {
      String event = "";
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:") && !event.equals("disclosure")) {
          assertThat(event).as("text comes before any ending").isEqualTo("delta");
          firstDelta = line;
          break;
        }
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // Hold-back bound in tests: 3 s; the rest is the first token and the work around it.
    assertThat(took).isLessThan(Duration.ofSeconds(6));
    assertThat(firstDelta).contains("Meldezettel").doesNotContain(".");
  }

  @Test
  void noModelTextGoesOutWhenItsAuditEntryCannotBeWrittenFirst() {
    refuseAuditEntries("new.event = 'TURN_STARTED'");
    try {
      ollama.behave(Behaviour.answer("Diese Antwort darf niemand sehen."));
      String probe = "AUDIT-PROBE-" + UUID.randomUUID();
      List<Event> events = Sse.parse(stream(Map.of("message", probe + " Wann wird der Sperrmüll abgeholt?")).asString());

      assertThat(Sse.names(events)).containsExactly("fallback");
      assertThat(events.get(0).data().path("reason").asText()).isEqualTo("AUDIT_FAILED");
      assertThat(events.get(0).data().toString()).doesNotContain("niemand sehen");
      assertThat(ollama.chatRequestCount()).as("the model is not even asked").isZero();
    } finally {
      allowAuditEntries();
    }
  }

  @Test
  void anAnswerTheCitizenSawButThatCouldNotBeStoredLeavesAnAuditEntryNamingTheHuman() {
    refuseAuditEntries("new.event = 'TURN' and new.kind = 'AI_GENERATED'");
    try {
      ollama.behave(Behaviour.answer("Der Sperrmüll wird am Montag abgeholt. Bitte stellen Sie ihn bereit."));
      String probe = "AUDIT-PROBE-" + UUID.randomUUID();
      List<Event> events = Sse.parse(stream(Map.of("message", probe + " Wann wird der Sperrmüll abgeholt?")).asString());

      // The citizen saw the model's text before the store failed at the end.
      assertThat(Sse.names(events)).startsWith("disclosure", "delta").endsWith("fallback").doesNotContain("done");
      assertThat(deltas(events)).contains("Sperrmüll wird am Montag abgeholt.");
      Event fallback = last(events);
      assertThat(fallback.data().path("reason").asText()).isEqualTo("AUDIT_FAILED");

      // Written before the first delta: the question, the model and the responsible human.
      List<Map<String, Object>> audit =
          Db.rows(
              "select event, kind, reason, question, model, responsible_name, note from audit_entry"
                  + " where message_id = ? order by id",
              UUID.fromString(fallback.data().path("messageId").asText()));
      assertThat(audit).hasSize(2);
      assertThat(audit.get(0))
          .containsEntry("event", "TURN_STARTED")
          .containsEntry("model", "llama3.1:8b")
          .containsEntry("responsible_name", "Mag. Erika Muster")
          .containsEntry("note", "answer in progress");
      assertThat(audit.get(0).get("question").toString()).startsWith(probe);
      // ... and completed by what became of it.
      assertThat(audit.get(1)).containsEntry("event", "TURN").containsEntry("kind", "FALLBACK").containsEntry("reason", "AUDIT_FAILED");
    } finally {
      allowAuditEntries();
    }
    at.leoben.assistant.testsupport.Staff.asAdmin()
        .get("/api/v1/admin/audit/verify")
        .then()
        .statusCode(200)
        .body("intact", org.hamcrest.Matchers.equalTo(true));
  }

  @Test
  void everyStreamedAnswerHasItsAuditEntryOpenedBeforeAndCompletedAfter() {
    ollama.behave(Behaviour.answer("Das Fundamt ist im Rathaus."));
    Event done = last(Sse.parse(stream(Map.of("message", "Wo ist das Fundamt?")).asString()));

    assertThat(
            Db.rows(
                "select event, kind from audit_entry where message_id = ? order by id",
                UUID.fromString(done.data().path("messageId").asText())))
        .extracting(row -> row.get("event") + "/" + row.get("kind"))
        .containsExactly("TURN_STARTED/null", "TURN/AI_GENERATED");
  }

  /** Makes the audit refuse entries of probe questions where {@code condition} holds, as a failing database would. */
  private static void refuseAuditEntries(String condition) {
    Db.execute(
        """
        create or replace function refuse_probe() returns trigger language plpgsql as $$
        begin
          if new.question like '%AUDIT-PROBE%' and CONDITION then
            raise exception 'audit storage refused';
          end if;
          return new;
        end $$"""
            .replace("CONDITION", condition));
    Db.execute(
        "create trigger refuse_probe before insert on audit_entry for each row execute function refuse_probe()");
  }

  private static void allowAuditEntries() {
    Db.execute("drop trigger refuse_probe on audit_entry");
    Db.execute("drop function refuse_probe()");
  }

  @Test
  void aStallInTheMiddleTurnsIntoAFallbackEvent() {
    // The first sentence (8 words) is complete after 9 chunks; then the model stalls.
    ollama.behave(Behaviour.stallAfter(9, Duration.ofSeconds(8)));
    long started = System.nanoTime();
    List<Event> events = Sse.parse(stream(Map.of("message", "Was kostet die Müllabfuhr?")).asString());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(Sse.names(events)).containsExactly("disclosure", "delta", "fallback");
    assertThat(events.get(1).data().path("text").asText()).isEqualTo("Das Bürgerservice im Rathaus hilft Ihnen gerne weiter.");
    Event fallback = events.get(2);
    assertThat(fallback.data().path("kind").asText()).isEqualTo("KNOWLEDGE_EXCERPT");
    assertThat(fallback.data().path("reason").asText()).isEqualTo("MODEL_UNAVAILABLE");
    assertThat(fallback.data().has("disclosure")).isFalse();
    assertThat(fallback.data().path("analogueChannels").size()).isEqualTo(3);
    assertThat(took).isLessThan(Duration.ofSeconds(7)); // idle bound in tests: 2 s
    assertThat(
            Db.rows(
                "select failure from audit_entry where message_id = ? and event = 'TURN'",
                UUID.fromString(fallback.data().path("messageId").asText())))
        .singleElement()
        .satisfies(row -> assertThat(row.get("failure").toString()).startsWith("STALLED"));
  }

  @Test
  void aDroppedConnectionMidStreamTurnsIntoAFallbackEvent() {
    ollama.behave(Behaviour.dropAfter(2));
    List<Event> events = Sse.parse(stream(Map.of("message", "Was kostet die Müllabfuhr?")).asString());

    assertThat(Sse.names(events)).endsWith("fallback").doesNotContain("done");
    assertThat(events.get(events.size() - 1).data().path("reason").asText()).isEqualTo("MODEL_UNAVAILABLE");
  }

  @Test
  void aModelErrorBeforeAnyTokenGivesOnlyTheFallbackWithoutDisclosure() {
    ollama.behave(Behaviour.error(500, "llama runner process has terminated"));
    List<Event> events = Sse.parse(stream(Map.of("message", "Was kostet die Müllabfuhr?")).asString());

    assertThat(Sse.names(events)).containsExactly("fallback");
    assertThat(events.get(0).data().path("kind").asText()).isEqualTo("KNOWLEDGE_EXCERPT");
    assertThat(events.get(0).data().has("disclosure")).isFalse();
  }

  @Test
  void noFirstTokenWithinTheBoundGivesTheFallback() {
    ollama.behave(Behaviour.slow(Duration.ofSeconds(8), "zu spät"));
    long started = System.nanoTime();
    List<Event> events = Sse.parse(stream(Map.of("message", "Was kostet die Müllabfuhr?")).asString());

    assertThat(Sse.names(events)).containsExactly("fallback");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(7));
  }

  @Test
  void askingForAPersonStreamsOnlyTheFallbackAndNoHeader() {
    ExtractableResponse<Response> response = stream(Map.of("message", "Ich möchte mit einem Menschen sprechen"));
    List<Event> events = Sse.parse(response.asString());

    assertThat(Sse.names(events)).containsExactly("fallback");
    assertThat(events.get(0).data().path("reason").asText()).isEqualTo("HUMAN_REQUESTED");
    assertThat(response.header("AI-Disclosure")).isNull();
    assertThat(ollama.chatRequestCount()).isZero();
  }

  @Test
  void streamedFollowUpsRememberTheConversation() {
    ollama.behave(Behaviour.answer("Im Rathaus."));
    Event done = last(Sse.parse(stream(Map.of("message", "Wo ist das Fundamt?")).asString()));
    ollama.behave(Behaviour.answer("Vormittags."));

    Event second =
        last(
            Sse.parse(
                given()
                    .contentType(ContentType.JSON)
                    .header("X-Conversation-Token", done.data().path("conversationToken").asText())
                    .body(
                        Map.of(
                            "message", "Wann hat das Fundamt offen?",
                            "conversationId", done.data().path("conversationId").asText()))
                    .post("/api/v1/chat/stream")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString()));

    assertThat(second.name()).isEqualTo("done");
    assertThat(second.data().path("conversationId").asText()).isEqualTo(done.data().path("conversationId").asText());
    assertThat(ollama.chatRequests().get(1).path("messages").toString()).contains("Wo ist das Fundamt?", "Im Rathaus.");
  }

  @Test
  void badInputToTheStreamIsAProblemNotAStream() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("message", " "))
        .post("/api/v1/chat/stream")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static Event last(List<Event> events) {
    return events.get(events.size() - 1);
  }
}

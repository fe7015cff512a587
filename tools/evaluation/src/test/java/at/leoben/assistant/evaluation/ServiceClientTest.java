package at.leoben.assistant.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the evaluator sends for follow-ups and languages, against a stand-in of the chat API that
 * records every request body: previous turns first, in one conversation with its id and token; the
 * language as written in the set, or none when the service is to detect it.
 */
class ServiceClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile Function<JsonNode, Integer> status = request -> 200;

  @BeforeEach
  void chatStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/chat", this::chat);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void previousTurnsGoFirstInOneConversationAndOnlyTheLastIsObserved() {
    GoldenQuestion question = question("""
          - id: folge
            language: de
            previous: ["Wann hat das Bürgerservice offen?", "Und wo ist es?"]
            question: "und am Freitag?"
            kind: AI_GENERATED
            facts: ["12 Uhr"]
            source: "Bürgerservice im Rathaus"
        """);

    Observation seen = client().ask(question);

    assertThat(requests).extracting(r -> r.path("message").asText())
        .containsExactly("Wann hat das Bürgerservice offen?", "Und wo ist es?", "und am Freitag?");
    assertThat(requests.get(0).has("conversationId")).as("the first turn opens the conversation").isFalse();
    assertThat(requests.get(0).has("conversationToken")).isFalse();
    for (JsonNode later : requests.subList(1, 3)) {
      assertThat(later.path("conversationId").asText()).isEqualTo("c-1");
      assertThat(later.path("conversationToken").asText()).isEqualTo("token-c-1");
      assertThat(later.path("language").asText()).isEqualTo("de");
    }
    assertThat(seen.error()).isNull();
    assertThat(seen.answer()).isEqualTo("Antwort auf: und am Freitag?");
    assertThat(seen.previousReplies()).containsExactly("AI_GENERATED", "FALLBACK/SMALL_TALK");
    assertThat(seen.language()).isEqualTo("de");

    // Scored as the last turn only; its result names the turns before it.
    QuestionResult result = Scoring.score(question, seen, null, null);
    assertThat(result.previous()).containsExactly("Wann hat das Bürgerservice offen?", "Und wo ist es?");
    assertThat(result.previousReplies()).containsExactly("AI_GENERATED", "FALLBACK/SMALL_TALK");
    assertThat(result.categories()).containsExactly("ordinary", "follow-up");
    assertThat(ReportContent.withPrevious(result))
        .isEqualTo("nach »Wann hat das Bürgerservice offen?« → AI_GENERATED · »Und wo ist es?« → FALLBACK/SMALL_TALK: und am Freitag?");
  }

  @Test
  void theStreamedLastTurnContinuesTheConversationToo() {
    GoldenQuestion question = question("""
          - id: folge
            language: en
            previous: "When is the town hall open?"
            question: "and on Friday?"
            kind: AI_GENERATED
            facts: ["noon"]
            source: "Bürgerservice im Rathaus"
        """);

    Observation seen = client().askStreamed(question);

    assertThat(paths).containsExactly("/api/v1/chat", "/api/v1/chat/stream");
    assertThat(requests.get(1).path("conversationId").asText()).isEqualTo("c-1");
    assertThat(requests.get(1).path("conversationToken").asText()).isEqualTo("token-c-1");
    assertThat(seen.error()).isNull();
    assertThat(seen.mode()).isEqualTo(Observation.Mode.STREAM);
    assertThat(seen.previousReplies()).containsExactly("AI_GENERATED");
  }

  @Test
  void aPreviousTurnWithoutAReplyEndsTheQuestionWithAnError() {
    status = request -> request.path("message").asText().startsWith("Wann") ? 503 : 200;
    GoldenQuestion question = question("""
          - id: folge
            language: de
            previous: "Wann hat das Bürgerservice offen?"
            question: "und am Freitag?"
            kind: AI_GENERATED
            facts: ["12 Uhr"]
            source: "Bürgerservice im Rathaus"
        """);

    Observation seen = client().ask(question);

    assertThat(requests).hasSize(1);
    assertThat(seen.error()).startsWith("vorherige Frage 1 ohne Gespräch (HTTP 503)");
    assertThat(Scoring.score(question, seen, null, null).kindCorrect()).isFalse();
  }

  @Test
  void otherLanguagesAreSentAndAnAbsentLanguageIsLeftToTheService() {
    GoldenQuestion turkish = question("""
          - id: tr
            language: tr
            question: "Köpek vergisi ne kadar?"
            kind: AI_GENERATED
            facts: ["60 Euro"]
            source: "Hunde melden: Anmeldung, Hundeabgabe und Chip"
        """);
    GoldenQuestion detected = question("""
          - id: auto
            replyLanguage: uk
            question: "Я більше не можу так жити."
            kind: FALLBACK
            reason: SENSITIVE_AREA
            area: crisis
        """);

    Observation tr = client().ask(turkish);
    Observation uk = client().ask(detected);

    assertThat(requests.get(0).path("language").asText()).isEqualTo("tr");
    assertThat(requests.get(1).has("language")).as("no language sent: the service detects it").isFalse();
    assertThat(tr.language()).isEqualTo("tr");
    assertThat(uk.language()).isEqualTo("uk");
    QuestionResult result = Scoring.score(detected, uk, null, null);
    assertThat(result.language()).isNull();
    assertThat(result.replyLanguage()).isEqualTo("uk");
    assertThat(result.categories()).containsExactly("crisis", "language");
    assertThat(result.languageCorrect()).isTrue();
    assertThat(ReportContent.language(result)).isEqualTo("auto→uk");
    // A reply in another language than the set expects is marked.
    Observation german = new Observation(Observation.Mode.SYNC, 200, "FALLBACK", "SENSITIVE_AREA", "crisis", "…", null, null,
        List.of(), null, "2026-12-06T21:00:00Z", 1.0, null, null, "de", List.of(), null);
    QuestionResult wrong = Scoring.score(detected, german, null, null);
    assertThat(wrong.languageCorrect()).isFalse();
    assertThat(ReportContent.language(wrong)).isEqualTo("auto→de (falsch)");
    assertThat(ReportContent.language(Scoring.score(turkish, tr, null, null))).isEqualTo("tr");
  }

  private ServiceClient client() {
    return new ServiceClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), null, Duration.ofSeconds(5));
  }

  private static GoldenQuestion question(String entry) {
    try {
      return GoldenSet.parse("test.yaml", ("version: 2\nquestions:\n" + entry).getBytes(StandardCharsets.UTF_8)).questions().get(0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A chat API in miniature: a turn without a conversation opens {@code c-N}; the reply is an AI
   * answer, small talk for "Und wo ist es?", in the language sent or, without one, "uk" for
   * Cyrillic and "de" otherwise.
   */
  private void chat(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    requests.add(request);
    paths.add(exchange.getRequestURI().getPath());
    int code = status.apply(request);
    if (code != 200) {
      byte[] problem = "{\"detail\":\"Modell nicht erreichbar\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
      exchange.sendResponseHeaders(code, problem.length);
      exchange.getResponseBody().write(problem);
      exchange.close();
      return;
    }
    String message = request.path("message").asText();
    String conversation = request.has("conversationId") ? request.path("conversationId").asText() : "c-" + requests.size();
    boolean smallTalk = message.equals("Und wo ist es?");
    ObjectNode reply = JSON.createObjectNode()
        .put("conversationId", conversation)
        .put("conversationToken", "token-" + conversation)
        .put("messageId", "m-" + requests.size())
        .put("kind", smallTalk ? "FALLBACK" : "AI_GENERATED")
        .put("answer", "Antwort auf: " + message)
        .put("language", request.has("language") ? request.path("language").asText() : message.matches(".*\\p{IsCyrillic}.*") ? "uk" : "de");
    if (smallTalk) {
      reply.put("reason", "SMALL_TALK");
    } else {
      reply.putObject("disclosure").put("label", "KI-generiert").put("model", "llama3.1:8b");
      reply.putArray("sources").addObject().put("title", "Bürgerservice im Rathaus");
    }
    boolean stream = exchange.getRequestURI().getPath().endsWith("/stream");
    byte[] body = (stream
        ? "event: disclosure\ndata: " + reply.path("disclosure") + "\n\nevent: delta\ndata: {\"text\":\"Antwort\"}\n\nevent: done\ndata: "
            + reply + "\n\n"
        : reply.toString()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
    exchange.getResponseHeaders().add(ServiceClient.DISCLOSURE_HEADER, "mode=ai");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}

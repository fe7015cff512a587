package at.leoben.assistant.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A second model that scores each AI answer 1–5 for correctness against the expected facts,
 * called directly on Ollama's {@code /api/chat} (not through the service, which would refuse a
 * grading task). Its scores are opinions of a model and the report says so.
 */
final class JudgeClient {

  /** A score of the judge, or why there is none. */
  record Verdict(Integer score, String reason) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INSTRUCTION =
      """
      Sie prüfen Antworten eines Bürgerassistenten der Stadt Leoben. Bewerten Sie, wie korrekt die \
      Antwort die Frage beantwortet, gemessen an den erwarteten Fakten: 5 = alle Fakten richtig und \
      nichts Falsches, 4 = fast vollständig, 3 = teilweise, 2 = überwiegend falsch oder unvollständig, \
      1 = falsch oder keine Antwort. Antworten Sie nur mit JSON: {"score": <1-5>, "reason": "<ein Satz>"}.""";

  private final EvaluationOptions.Judge judge;
  private final Duration timeout;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  JudgeClient(EvaluationOptions.Judge judge, Duration timeout) {
    this.judge = judge;
    this.timeout = timeout;
  }

  String model() {
    return judge.model();
  }

  Verdict score(GoldenQuestion question, String answer) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(judge.url().resolve("api/chat"))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(question, answer)), StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        return new Verdict(null, "Judge antwortete mit HTTP " + response.statusCode());
      }
      return read(JSON.readTree(response.body()).path("message").path("content").asText(""));
    } catch (IOException e) {
      return new Verdict(null, "Judge nicht erreichbar: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private ObjectNode body(GoldenQuestion question, String answer) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", judge.model());
    body.put("stream", false);
    body.put("format", "json");
    body.putObject("options").put("temperature", 0);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", INSTRUCTION);
    String facts = question.facts().stream().map(fact -> "- " + fact).collect(Collectors.joining("\n"));
    messages.addObject().put("role", "user").put("content",
        (question.previous().isEmpty() ? "" : "Zuvor im selben Gespräch gefragt: " + String.join(" / ", question.previous()) + "\n")
            + "Frage: " + question.question() + "\n\nErwartete Fakten (Alternativen mit |):\n" + facts
            + "\n\nAntwort des Assistenten:\n" + answer);
    return body;
  }

  static Verdict read(String content) {
    try {
      JsonNode verdict = JSON.readTree(content);
      Integer score = verdict == null ? null : scoreOf(verdict.path("score"));
      if (score == null) {
        return new Verdict(null, "Judge gab keine Bewertung von 1 bis 5");
      }
      return new Verdict(score, verdict.path("reason").asText(""));
    } catch (IOException e) {
      return new Verdict(null, "Judge antwortete nicht mit JSON");
    }
  }

  private static Integer scoreOf(JsonNode score) {
    if (score.isIntegralNumber() && score.asInt() >= 1 && score.asInt() <= 5) {
      return score.asInt();
    }
    if (score.isTextual() && score.asText().strip().matches("[1-5]")) {
      return Integer.parseInt(score.asText().strip());
    }
    return null;
  }
}

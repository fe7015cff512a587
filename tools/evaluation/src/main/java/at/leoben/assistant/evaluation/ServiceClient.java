package at.leoben.assistant.evaluation;

import at.leoben.assistant.testsupport.Sse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The evaluator's only door to the service: the citizen API as a widget uses it, and, with staff
 * credentials, the model registry, the audit (tokens per reply) and the metrics.
 */
final class ServiceClient {

  static final String DISCLOSURE_HEADER = "AI-Disclosure";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final EvaluationOptions.Credentials staff;
  private final Duration timeout;
  private final HttpClient http;

  ServiceClient(URI base, EvaluationOptions.Credentials staff, Duration timeout) {
    this.base = base;
    this.staff = staff;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Where a conversation stands: what a widget sends back with the next turn. */
  record Conversation(String id, String token) {
    static final Conversation NEW = new Conversation(null, null);
  }

  /**
   * One golden question through {@code POST /api/v1/chat}: its previous turns first, in the same
   * conversation, then the question itself, which alone is timed and scored.
   */
  Observation ask(GoldenQuestion question) {
    return inConversation(question, (conversation, previous) ->
        ask(question.question(), question.language(), conversation, previous));
  }

  Observation ask(String question, String language) {
    return ask(question, language, Conversation.NEW, List.of());
  }

  private Observation ask(String question, String language, Conversation conversation, List<String> previous) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(chatRequest("/api/v1/chat", question, language, conversation, "application/json"),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      double latency = millisSince(start);
      String header = response.headers().firstValue(DISCLOSURE_HEADER).orElse(null);
      if (response.statusCode() != 200) {
        return failed(Observation.Mode.SYNC, response.statusCode(), started, latency, problem(response.body()), previous);
      }
      return observed(Observation.Mode.SYNC, JSON.readTree(response.body()), header, started, latency, null, null, previous);
    } catch (IOException e) {
      return failed(Observation.Mode.SYNC, 0, started, millisSince(start), e.getClass().getSimpleName() + ": " + e.getMessage(),
          previous);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * One golden question through {@code POST /api/v1/chat/stream} (its previous turns first,
   * synchronously, in the same conversation): times the first {@code delta}, checks that
   * {@code disclosure} came before it, and reads the reply from {@code done} or {@code fallback}.
   */
  Observation askStreamed(GoldenQuestion question) {
    return inConversation(question, (conversation, previous) -> askStreamed(question, conversation, previous));
  }

  private Observation askStreamed(GoldenQuestion question, Conversation conversation, List<String> previous) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    try {
      HttpResponse<Stream<String>> response = http.send(
          chatRequest("/api/v1/chat/stream", question.question(), question.language(), conversation, "text/event-stream"),
          HttpResponse.BodyHandlers.ofLines());
      String header = response.headers().firstValue(DISCLOSURE_HEADER).orElse(null);
      try (Stream<String> lines = response.body()) {
        if (response.statusCode() != 200) {
          return failed(Observation.Mode.STREAM, response.statusCode(), started, millisSince(start),
              problem(String.join("\n", lines.toList())), previous);
        }
        return readStream(lines.iterator(), header, started, start, previous);
      }
    } catch (IOException | RuntimeException e) {
      return failed(Observation.Mode.STREAM, 0, started, millisSince(start), e.getClass().getSimpleName() + ": " + e.getMessage(),
          previous);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The question's last turn, asked where its previous turns left the conversation. */
  private interface LastTurn {
    Observation ask(Conversation conversation, List<String> previousReplies);
  }

  /**
   * Sends the previous turns one after the other in one conversation (the first opens it, each
   * reply names it and its token), then the last turn in it. A previous turn without a reply ends
   * the question with an error: the last turn would not be the follow-up the set means.
   */
  private Observation inConversation(GoldenQuestion question, LastTurn last) {
    Conversation conversation = Conversation.NEW;
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < question.previous().size(); i++) {
      Instant started = Instant.now();
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(
            chatRequest("/api/v1/chat", question.previous().get(i), question.language(), conversation, "application/json"),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode reply = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        String id = reply == null ? null : nullable(reply, "conversationId");
        String token = reply == null ? null : nullable(reply, "conversationToken");
        if (id == null || token == null) {
          return failed(Observation.Mode.SYNC, response.statusCode(), started, millisSince(start),
              "vorherige Frage " + (i + 1) + " ohne Gespräch (HTTP " + response.statusCode() + "): " + problem(response.body()),
              replies);
        }
        conversation = new Conversation(id, token);
        replies.add(nullable(reply, "kind") + (nullable(reply, "reason") == null ? "" : "/" + nullable(reply, "reason")));
      } catch (IOException e) {
        return failed(Observation.Mode.SYNC, 0, started, millisSince(start),
            "vorherige Frage " + (i + 1) + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(), replies);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return last.ask(conversation, replies);
  }

  private Observation readStream(Iterator<String> lines, String header, Instant started, long start, List<String> previous)
      throws IOException {
    Sse.Reader sse = new Sse.Reader();
    String firstEvent = null;
    Double firstToken = null;
    boolean disclosureBeforeDelta = false;
    while (true) {
      Optional<Sse.Event> next = lines.hasNext() ? sse.line(lines.next()) : sse.end();
      if (next.isEmpty()) {
        if (!lines.hasNext()) {
          return failed(Observation.Mode.STREAM, 200, started, millisSince(start), "stream ended without done or fallback", previous);
        }
        continue;
      }
      Sse.Event event = next.get();
      if (firstEvent == null) {
        firstEvent = event.name();
      }
      switch (event.name()) {
        case "disclosure" -> disclosureBeforeDelta |= firstToken == null;
        case "delta" -> {
          if (firstToken == null) {
            firstToken = millisSince(start);
          }
        }
        case "done", "fallback" -> {
          Boolean disclosureFirst = firstToken == null ? null : disclosureBeforeDelta && "disclosure".equals(firstEvent);
          return observed(Observation.Mode.STREAM, event.data(), header, started, millisSince(start),
              firstToken, disclosureFirst, previous);
        }
        default -> {
          // "sources" repeats what "done" carries.
        }
      }
    }
  }

  /** The model registry's view, if the service has it and lets the caller read it. */
  ServiceInfo info() {
    if (staff == null) {
      return ServiceInfo.unknown("keine Zugangsdaten für Mitarbeitende angegeben");
    }
    try {
      HttpResponse<String> response = http.send(get("/api/v1/admin/models", true), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return ServiceInfo.unknown("GET /api/v1/admin/models antwortete " + response.statusCode());
      }
      JsonNode body = JSON.readTree(response.body());
      JsonNode configured = body.path("configured");
      return new ServiceInfo(
          text(configured, "name"), text(configured, "servedDigest"), text(configured, "state"),
          text(body, "promptVersion"), null);
    } catch (IOException | RuntimeException e) {
      return ServiceInfo.unknown("GET /api/v1/admin/models scheiterte: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** {@code /q/metrics}, anonymous first, then with the staff credentials; empty if neither works. */
  Optional<PrometheusText> metrics() {
    try {
      HttpResponse<String> response = http.send(get("/q/metrics", false), HttpResponse.BodyHandlers.ofString());
      if ((response.statusCode() == 401 || response.statusCode() == 403) && staff != null) {
        response = http.send(get("/q/metrics", true), HttpResponse.BodyHandlers.ofString());
      }
      return response.statusCode() == 200 ? Optional.of(PrometheusText.parse(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Tokens per reply from the audit between {@code from} and {@code to}, by message id. */
  Map<String, AuditUsage> auditUsage(Instant from, Instant to) {
    Map<String, AuditUsage> usage = new LinkedHashMap<>();
    if (staff == null) {
      return usage;
    }
    try {
      int page = 0;
      long total;
      do {
        String query = "?from=" + encode(from.toString()) + "&to=" + encode(to.toString()) + "&size=500&page=" + page;
        HttpResponse<String> response = http.send(get("/api/v1/admin/audit" + query, true), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          return usage;
        }
        JsonNode body = JSON.readTree(response.body());
        total = body.path("total").asLong(0);
        for (JsonNode entry : body.path("entries")) {
          String messageId = text(entry, "messageId");
          if (!ServiceInfo.UNKNOWN.equals(messageId)) {
            usage.put(messageId, new AuditUsage(messageId, integer(entry, "inputTokens"), integer(entry, "outputTokens"),
                entry.path("promptVersion").isTextual() ? entry.path("promptVersion").asText() : null));
          }
        }
        page++;
      } while ((long) page * 500 < total && page < 100);
    } catch (IOException | RuntimeException e) {
      // Tokens per reply are an extra; the report says "not reported" without them.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return usage;
  }

  /** {@code language} null: none sent, the service detects it; a conversation's id and token once it has them. */
  private HttpRequest chatRequest(String path, String question, String language, Conversation conversation, String accept)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("message", question);
    if (language != null) {
      body.put("language", language);
    }
    if (conversation.id() != null) {
      body.put("conversationId", conversation.id());
      body.put("conversationToken", conversation.token());
    }
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
  }

  private HttpRequest get(String path, boolean asStaff) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET();
    if (asStaff && staff != null) {
      String pair = staff.user() + ":" + staff.password();
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return request.build();
  }

  private static Observation observed(
      Observation.Mode mode, JsonNode reply, String header, Instant started, double latency, Double firstToken,
      Boolean disclosureFirst, List<String> previous) {
    JsonNode disclosure = reply.path("disclosure");
    Observation.SeenDisclosure seen =
        disclosure.isObject()
            ? new Observation.SeenDisclosure(nullable(disclosure, "label"), nullable(disclosure, "model"), nullable(disclosure, "generatedAt"))
            : null;
    List<Observation.SeenSource> sources = new ArrayList<>();
    for (JsonNode source : reply.path("sources")) {
      sources.add(new Observation.SeenSource(nullable(source, "title"), nullable(source, "url")));
    }
    return new Observation(mode, 200, nullable(reply, "kind"), nullable(reply, "reason"), nullable(reply, "area"),
        nullable(reply, "answer"), seen, header, sources, nullable(reply, "messageId"), started.toString(), latency,
        firstToken, disclosureFirst, nullable(reply, "language"), previous, null);
  }

  private static Observation failed(
      Observation.Mode mode, int status, Instant started, double latency, String error, List<String> previous) {
    return new Observation(mode, status, null, null, null, null, null, null, List.of(), null, started.toString(), latency,
        null, null, null, previous, error);
  }

  /** The German {@code detail} of a problem document, else the start of the body. */
  private static String problem(String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem != null && problem.path("detail").isTextual()) {
        return problem.path("detail").asText();
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON: fall through to the raw text.
    }
    return body == null ? "" : body.substring(0, Math.min(200, body.length()));
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000.0;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : ServiceInfo.UNKNOWN;
  }

  private static String nullable(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.intValue() : null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

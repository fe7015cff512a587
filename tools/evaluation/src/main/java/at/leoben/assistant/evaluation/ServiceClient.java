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

  /** One first question through {@code POST /api/v1/chat}. */
  Observation ask(GoldenQuestion question) {
    return ask(question.question(), question.language());
  }

  Observation ask(String question, String language) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(chatRequest("/api/v1/chat", question, language, "application/json"),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      double latency = millisSince(start);
      String header = response.headers().firstValue(DISCLOSURE_HEADER).orElse(null);
      if (response.statusCode() != 200) {
        return failed(Observation.Mode.SYNC, response.statusCode(), started, latency, problem(response.body()));
      }
      return observed(Observation.Mode.SYNC, JSON.readTree(response.body()), header, started, latency, null, null);
    } catch (IOException e) {
      return failed(Observation.Mode.SYNC, 0, started, millisSince(start), e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * One first question through {@code POST /api/v1/chat/stream}: times the first {@code delta},
   * checks that {@code disclosure} came before it, and reads the reply from {@code done} or
   * {@code fallback}.
   */
  Observation askStreamed(GoldenQuestion question) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    try {
      HttpResponse<Stream<String>> response = http.send(chatRequest("/api/v1/chat/stream", question.question(), question.language(), "text/event-stream"),
          HttpResponse.BodyHandlers.ofLines());
      String header = response.headers().firstValue(DISCLOSURE_HEADER).orElse(null);
      try (Stream<String> lines = response.body()) {
        if (response.statusCode() != 200) {
          return failed(Observation.Mode.STREAM, response.statusCode(), started, millisSince(start),
              problem(String.join("\n", lines.toList())));
        }
        return readStream(lines.iterator(), header, started, start);
      }
    } catch (IOException | RuntimeException e) {
      return failed(Observation.Mode.STREAM, 0, started, millisSince(start), e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Observation readStream(Iterator<String> lines, String header, Instant started, long start) throws IOException {
    Sse.Reader sse = new Sse.Reader();
    String firstEvent = null;
    Double firstToken = null;
    boolean disclosureBeforeDelta = false;
    while (true) {
      Optional<Sse.Event> next = lines.hasNext() ? sse.line(lines.next()) : sse.end();
      if (next.isEmpty()) {
        if (!lines.hasNext()) {
          return failed(Observation.Mode.STREAM, 200, started, millisSince(start), "stream ended without done or fallback");
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
              firstToken, disclosureFirst);
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

  private HttpRequest chatRequest(String path, String question, String language, String accept) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("message", question);
    body.put("language", language);
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
      Boolean disclosureFirst) {
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
        firstToken, disclosureFirst, null);
  }

  private static Observation failed(Observation.Mode mode, int status, Instant started, double latency, String error) {
    return new Observation(mode, status, null, null, null, null, null, null, List.of(), null, started.toString(), latency,
        null, null, error);
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

package at.leoben.assistant.bench;

import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Run by hand through {@code bench/turn-latency.sh}: the service's own added latency per turn.
 * Starts the packaged jar against the Ollama stand-in (answering at once), and compares the median
 * time of a turn through the service with the median time of the same chat call made directly to
 * the stand-in. Also reports start-up time to ready and resident memory.
 */
public final class TurnLatencyBench {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int WARM_UP = 300;
  private static final int MEASURED = 100;

  public static void main(String[] args) throws Exception {
    String jdbcUrl = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/buergerassistent_bench";
    try (OllamaStandIn ollama = OllamaStandIn.start()) {
      long started = System.nanoTime();
      try (ServiceProcess service = BenchService.start(ollama.baseUrl(), jdbcUrl, List.of(), Map.of())) {
        service.awaitReady();
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        long idleRss = service.residentMb();

        String serviceBody = "{\"message\":\"Wann hat das Bürgerservice geöffnet?\"}";
        String directBody =
            "{\"model\":\"" + BenchService.MODEL + "\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"Wann hat das Bürgerservice geöffnet?\"}]}";
        URI chat = URI.create("http://127.0.0.1:" + service.port + "/api/v1/chat");
        URI stream = URI.create("http://127.0.0.1:" + service.port + "/api/v1/chat/stream");
        URI direct = URI.create(ollama.baseUrl() + "/api/chat");
        String directStreamBody = directBody.replace("\"stream\":false", "\"stream\":true");

        for (int i = 0; i < WARM_UP; i++) {
          post(chat, serviceBody);
          post(stream, serviceBody);
          post(direct, directBody);
          post(direct, directStreamBody);
        }
        List<Long> sync = time(chat, serviceBody);
        List<Long> syncDirect = time(direct, directBody);
        List<Long> streamed = time(stream, serviceBody);
        List<Long> streamedDirect = time(direct, directStreamBody);
        long loadedRss = service.residentMb();

        System.out.printf("start-up to ready: %d ms (JVM mode, incl. Flyway)%n", readyMillis);
        System.out.printf("resident memory: idle %d MB, after %d turns %d MB%n",
            idleRss, 2 * (WARM_UP + MEASURED), loadedRss);
        report("sync turn  ", sync, syncDirect);
        report("streamed   ", streamed, streamedDirect);
      }
    }
  }

  private static void report(String what, List<Long> service, List<Long> direct) {
    double serviceMedian = median(service) / 1000.0;
    double directMedian = median(direct) / 1000.0;
    System.out.printf(
        "%s median %.2f ms through the service, %.2f ms direct to the stand-in: added %.2f ms (p90 %.2f ms)%n",
        what, serviceMedian, directMedian, serviceMedian - directMedian, percentile(service, 0.9) / 1000.0);
  }

  private static List<Long> time(URI uri, String body) throws Exception {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      post(uri, body);
      micros.add((System.nanoTime() - start) / 1000);
    }
    return micros;
  }

  private static void post(URI uri, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // Through the service only a labelled AI answer counts: an excerpt or fallback would time something else.
    boolean throughService = uri.getPath().startsWith("/api/v1/");
    if (response.statusCode() != 200
        || response.body().contains("\"FALLBACK\"")
        || throughService && !response.body().contains("AI_GENERATED")) {
      throw new IllegalStateException("unexpected reply " + response.statusCode() + ": " + response.body());
    }
  }

  private static long median(List<Long> values) {
    return percentile(values, 0.5);
  }

  private static long percentile(List<Long> values, double p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }
}

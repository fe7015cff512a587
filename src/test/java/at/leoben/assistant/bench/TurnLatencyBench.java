package at.leoben.assistant.bench;

import at.leoben.assistant.testsupport.OllamaStandIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
      int port = freePort();
      Path log = Files.createTempFile("bench-service", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  "target/quarkus-app/quarkus-run.jar")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(
          Map.of(
              "ASSISTANT_LLM_BASE_URL", ollama.baseUrl(),
              "ASSISTANT_LLM_MODEL", "llama3.1:8b",
              "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
              "QUARKUS_DATASOURCE_USERNAME", "postgres",
              "QUARKUS_HTTP_PORT", String.valueOf(port),
              "ASSISTANT_RESPONSIBLE_NAME", "Benchmark",
              "ASSISTANT_RESPONSIBLE_ROLE", "Digital.Team",
              "ASSISTANT_RESPONSIBLE_CONTACT", "digital@leoben.at",
              // Every turn must reach the model: the bench repeats one question.
              "ASSISTANT_KNOWLEDGE_REUSE_WINDOW", "0s"));
      long started = System.nanoTime();
      Process service = builder.start();
      try {
        awaitReady(port, service, log);
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        long idleRss = rssKb(service.pid());

        String serviceBody = "{\"message\":\"Wann hat das Bürgerservice geöffnet?\"}";
        String directBody =
            "{\"model\":\"llama3.1:8b\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"Wann hat das Bürgerservice geöffnet?\"}]}";
        URI chat = URI.create("http://127.0.0.1:" + port + "/api/v1/chat");
        URI stream = URI.create("http://127.0.0.1:" + port + "/api/v1/chat/stream");
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
        long loadedRss = rssKb(service.pid());

        System.out.printf("start-up to ready: %d ms (JVM mode, incl. Flyway)%n", readyMillis);
        System.out.printf("resident memory: idle %d MB, after %d turns %d MB%n",
            idleRss / 1024, 2 * (WARM_UP + MEASURED), loadedRss / 1024);
        report("sync turn  ", sync, syncDirect);
        report("streamed   ", streamed, streamedDirect);
      } finally {
        service.destroy();
        service.waitFor(20, TimeUnit.SECONDS);
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
    if (response.statusCode() != 200 || response.body().contains("\"FALLBACK\"")) {
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

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  private static void awaitReady(int port, Process service, Path log) throws Exception {
    for (int i = 0; i < 1800; i++) {
      if (!service.isAlive()) {
        throw new IllegalStateException("service died: " + Files.readString(log));
      }
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("not ready in 90 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package at.leoben.assistant.bench;

import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by hand through {@code bench/crowd.sh}: citizens arriving at random (Poisson) at 0.5, 1, 2 and
 * 4 times the model host's capacity, against the Ollama stand-in with a capacity model (parallel
 * slots, time per prompt and per answer token), then 0.5 times again right after the burst. For
 * each load: the share answered by the model, goodput (AI answers per second as a share of the
 * capacity), time to the first visible event (queued notice, text or fallback), time to the first
 * text of AI answers, fallbacks by reason, errors, and whether the circuit breaker opened.
 *
 * <p>System properties: {@code bench.seconds} (per load, default 60), {@code bench.parallel}
 * (default 2), {@code bench.wordMillis} (default 25), {@code bench.maxQueueWait} (default 8s).
 */
public final class CrowdBench {

  private static final String QUESTION = "Wann hat das Bürgerservice geöffnet?";
  // 40 words in five sentences: the service shows text sentence by sentence.
  private static final String ANSWER =
      ("Das Bürgerservice im Rathaus hat werktags am Vormittag geöffnet. ".repeat(5)).strip();
  private static final Pattern KIND = Pattern.compile("\"kind\":\"([A-Z_]+)\"");
  private static final Pattern REASON = Pattern.compile("\"reason\":\"([A-Z_]+)\"");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();

  public static void main(String[] args) throws Exception {
    String jdbcUrl = args[0];
    int seconds = Integer.getInteger("bench.seconds", 60);
    int parallel = Integer.getInteger("bench.parallel", 2);
    int wordMillis = Integer.getInteger("bench.wordMillis", 25);
    String maxWait = System.getProperty("bench.maxQueueWait", "8s");
    try (OllamaStandIn ollama = OllamaStandIn.start()) {
      ollama.capacity(parallel, Duration.ofNanos(200_000));
      ollama.behave(OllamaStandIn.Behaviour.answer(ANSWER, Duration.ofMillis(wordMillis)));
      Map<String, String> extra =
          Map.of("ASSISTANT_LLM_PARALLEL", String.valueOf(parallel), "ASSISTANT_LLM_MAX_QUEUE_WAIT", maxWait);
      try (ServiceProcess service = BenchService.start(ollama.baseUrl(), jdbcUrl, List.of(), extra)) {
        service.awaitReady();
        URI stream = URI.create("http://127.0.0.1:" + service.port + "/api/v1/chat/stream");
        // Warm-up, one citizen at a time: also teaches the service the generation time.
        for (int i = 0; i < 20; i++) {
          ask(stream).join();
        }
        double generation = metric(service, "assistant_llm_generation_estimate_seconds");
        double capacity = parallel / generation;
        System.out.printf(
            "[crowd] stand-in: %d slots, %d words at %d ms, 0.2 ms a prompt token; measured generation %.2f s"
                + " -> capacity %.2f answers/s; max queue wait %s; %d s per load%n",
            parallel, 40, wordMillis, generation, capacity, maxWait, seconds);
        System.out.println(
            "[crowd] | offered load | citizens | answered by the model | goodput | first event p50 / p99"
                + " | first AI text p50 / p99 | max to text or fallback | fallbacks by reason | errors | breaker |");
        System.out.println("[crowd] |---|---|---|---|---|---|---|---|---|---|");
        for (double factor : new double[] {0.5, 1, 2, 4, 0.5}) {
          Phase phase = offer(stream, factor * capacity, Duration.ofSeconds(seconds));
          double open = metric(service, "assistant_llm_circuit_open");
          System.out.println(phase.row(factor, capacity, open > 0 ? "OPEN" : "closed"));
        }
        String log = service.log();
        System.out.printf("[crowd] service log: %d ERROR lines%n", log.lines().filter(l -> l.contains("ERROR")).count());
      }
    }
  }

  /** Poisson arrivals at {@code rate} a second for {@code duration}; waits for every citizen to finish. */
  private static Phase offer(URI stream, double rate, Duration duration) {
    List<CompletableFuture<Outcome>> citizens = new ArrayList<>();
    long end = System.nanoTime() + duration.toNanos();
    long next = System.nanoTime();
    while (true) {
      next += (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) / rate * 1e9);
      if (next > end) {
        break;
      }
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      citizens.add(ask(stream));
    }
    long started = end - duration.toNanos();
    List<Outcome> outcomes = citizens.stream().map(CompletableFuture::join).toList();
    double elapsed = Math.max(duration.toNanos(), System.nanoTime() - started) / 1e9;
    return new Phase(outcomes, elapsed);
  }

  private static CompletableFuture<Outcome> ask(URI stream) {
    HttpRequest request =
        HttpRequest.newBuilder(stream)
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + QUESTION + "\"}"))
            .build();
    Listener listener = new Listener();
    return CLIENT
        .sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(listener))
        .handle((response, failure) -> listener.outcome(response == null ? -1 : response.statusCode(), failure));
  }

  /** What one citizen saw; times in ms after the request, -1 when it never came. */
  record Outcome(int status, long firstEvent, long firstText, long end, String kind, String reason, boolean error) {}

  private static final class Listener implements Flow.Subscriber<String> {
    private final long start = System.nanoTime();
    private String event = "";
    private long firstEvent = -1;
    private long firstText = -1;
    private long end = -1;
    private String kind;
    private String reason;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
      long now = (System.nanoTime() - start) / 1_000_000;
      if (line.startsWith("event:")) {
        event = line.substring(6).strip();
        if (firstEvent < 0) {
          firstEvent = now;
        }
        if (firstText < 0 && (event.equals("delta") || event.equals("fallback"))) {
          firstText = now;
        }
      } else if (line.startsWith("data:") && (event.equals("done") || event.equals("fallback"))) {
        end = now;
        kind = find(KIND, line);
        reason = find(REASON, line);
      }
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}

    synchronized Outcome outcome(int status, Throwable failure) {
      boolean error = failure != null || status != 200 || kind == null;
      return new Outcome(status, firstEvent, firstText, end, kind, reason, error);
    }
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private record Phase(List<Outcome> outcomes, double seconds) {
    String row(double factor, double capacity, String breaker) {
      int n = outcomes.size();
      long answered = outcomes.stream().filter(o -> "AI_GENERATED".equals(o.kind())).count();
      long errors = outcomes.stream().filter(Outcome::error).count();
      Map<String, Integer> reasons = new TreeMap<>();
      outcomes.stream()
          .filter(o -> o.kind() != null && !"AI_GENERATED".equals(o.kind()))
          .forEach(o -> reasons.merge(String.valueOf(o.reason()), 1, Integer::sum));
      List<Long> first = sorted(outcomes.stream().map(Outcome::firstEvent).filter(t -> t >= 0).toList());
      List<Long> aiText =
          sorted(outcomes.stream().filter(o -> "AI_GENERATED".equals(o.kind())).map(Outcome::firstText).toList());
      long maxToText = outcomes.stream().mapToLong(Outcome::firstText).max().orElse(-1);
      double goodput = answered / seconds / capacity;
      return String.format(
          "[crowd] | %.1f× (%.2f/s) | %d | %.0f %% | %.0f %% | %s / %s | %s / %s | %s | %s | %d | %s |",
          factor, factor * capacity, n, n == 0 ? 0 : 100.0 * answered / n, 100 * goodput,
          secs(pct(first, 50)), secs(pct(first, 99)), secs(pct(aiText, 50)), secs(pct(aiText, 99)),
          secs(maxToText), reasons.isEmpty() ? "–" : reasons.toString(), errors, breaker);
    }
  }

  private static List<Long> sorted(List<Long> values) {
    List<Long> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String secs(long millis) {
    return millis < 0 ? "–" : String.format("%.2f s", millis / 1000.0);
  }

  private static double metric(ServiceProcess service, String name) throws Exception {
    String metrics = service.get("/q/metrics").body();
    return metrics.lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }
}

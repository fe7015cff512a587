package at.leoben.assistant.bench;

import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by hand through {@code bench/load.sh}: the packaged service under concurrent load, next to
 * the Ollama stand-in measured directly at the same concurrency in the same run. The load
 * generator is the JDK HTTP client (asynchronous, one connection per client), in this JVM together
 * with the stand-in, so all three share the machine's cores with the service.
 *
 * <p>Parts (first argument after the JDBC URL): {@code overhead} (p50/p99 added per turn and time
 * to first token at 1, 50, 200 clients asking back to back), {@code citizens} (the same at 50 and
 * 200 clients who pause between questions), {@code throughput} (complete turns per second, stand-in
 * answering at once), {@code streams} (concurrent open streams, stand-in streaming slowly).
 * Start-up time and resident memory are printed for every part. System property
 * {@code bench.jvmOpts} adds JVM options for the service (e.g. {@code -Xmx512m} or a JFR recording);
 * {@code bench.streamWordMillis} sets the stand-in's time per word in {@code streams} (default 5,000);
 * {@code bench.clients} (e.g. {@code 1}) limits {@code overhead} and {@code citizens} to these client counts.
 */
public final class LoadBench {

  private static final int THINK_SECONDS = 5;
  private static final String QUESTION = "Wann hat das Bürgerservice geöffnet?";
  private static final Pattern CONTENT = Pattern.compile("\"content\":\"((?:[^\"\\\\]|\\\\.)*)\"");
  // As the service's ScreenedStream ends a sentence: ". ", "! ", "? " or a line break.
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s|\n");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();

  public static void main(String[] args) throws Exception {
    String jdbcUrl = args[0];
    String part = args[1];
    List<String> jvmOpts =
        Arrays.stream(System.getProperty("bench.jvmOpts", "").split(" ")).filter(s -> !s.isBlank()).toList();
    try (OllamaStandIn ollama = OllamaStandIn.start()) {
      // Streams here last about 70 s (5 s a word) and open over tens of seconds: above the 90 s default.
      Map<String, String> extra =
          part.equals("streams") ? Map.of("ASSISTANT_LLM_STREAM_MAX_DURATION", "300s") : Map.of();
      long started = System.nanoTime();
      try (ServiceProcess service = BenchService.start(ollama.baseUrl(), jdbcUrl, jvmOpts, extra)) {
        System.out.printf("[load] service: JVM options %s (log %s)%n", jvmOpts, service.log);
        service.awaitReady();
        System.out.printf("[load] start-up to ready: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Thread.sleep(2000);
        System.out.printf("[load] resident memory idle: %d MB%n", service.residentMb());
        Target target = new Target(service.port, ollama.baseUrl());
        switch (part) {
          case "overhead" -> overhead(ollama, target, service);
          case "citizens" -> citizens(ollama, target, service);
          case "throughput" -> throughput(ollama, target, service);
          case "streams" -> streams(ollama, target, service, Integer.parseInt(args.length > 2 ? args[2] : "2000"));
          default -> throw new IllegalArgumentException("unknown part " + part);
        }
        System.out.printf("[load] resident memory after the run: %d MB%n", service.residentMb());
        String serviceLog = service.log();
        System.out.printf("[load] service log: %d ERROR lines, OutOfMemoryError %s%n",
            serviceLog.lines().filter(l -> l.contains("ERROR")).count(), serviceLog.contains("OutOfMemoryError"));
      }
    }
  }

  // --- the parts ---------------------------------------------------------------------------------

  private static void overhead(OllamaStandIn ollama, Target target, ServiceProcess service) throws Exception {
    // A fixed 1 ms per streamed word (17 words), so the stand-in's own time is known and small.
    ollama.behave(OllamaStandIn.Behaviour.answer(OllamaStandIn.DEFAULT_ANSWER, Duration.ofMillis(1)));
    run("warm-up", target.serviceSync(), 20, Duration.ofSeconds(15), Duration.ZERO);
    run("warm-up", target.serviceStream(), 20, Duration.ofSeconds(10), Duration.ZERO);
    System.out.println(HEADER);
    for (int clients : clientCounts("1,50,200")) {
      for (boolean stream : new boolean[] {false, true}) {
        Duration warm = Duration.ofSeconds(3);
        Duration measure = Duration.ofSeconds(clients == 1 ? 10 : 15);
        Phase direct = run("direct", stream ? target.directStream() : target.directSync(), clients, warm, measure);
        Phase through = run("service", stream ? target.serviceStream() : target.serviceSync(), clients, warm, measure);
        System.out.println(row(stream, clients, direct, through));
      }
      System.out.printf("[load] resident memory after %d clients: %d MB%n", clients, service.residentMb());
    }
  }

  /**
   * Concurrent citizens as they use a chat: each reads the answer and writes the next question,
   * here {@value #THINK_SECONDS} s on average (uniformly 0.5–1.5 times that), instead of asking
   * again at once as in {@code overhead}, where 50 clients keep the service at its ceiling.
   */
  private static void citizens(OllamaStandIn ollama, Target target, ServiceProcess service) throws Exception {
    ollama.behave(OllamaStandIn.Behaviour.answer(OllamaStandIn.DEFAULT_ANSWER, Duration.ofMillis(1)));
    run("warm-up", target.serviceSync(), 20, Duration.ofSeconds(15), Duration.ZERO);
    run("warm-up", target.serviceStream(), 20, Duration.ofSeconds(10), Duration.ZERO);
    Duration think = Duration.ofSeconds(THINK_SECONDS);
    System.out.println(HEADER);
    for (int clients : clientCounts("50,200")) {
      for (boolean stream : new boolean[] {false, true}) {
        Duration warm = Duration.ofSeconds(2L * THINK_SECONDS);
        Duration measure = Duration.ofSeconds(40);
        Phase direct = run("direct", stream ? target.directStream() : target.directSync(), clients, warm, measure, think);
        Phase through =
            run("service", stream ? target.serviceStream() : target.serviceSync(), clients, warm, measure, think);
        System.out.println(row(stream, clients, direct, through));
      }
      System.out.printf("[load] resident memory after %d citizens: %d MB%n", clients, service.residentMb());
    }
  }

  /** {@code -Dbench.clients=1,50} runs only these client counts. */
  private static int[] clientCounts(String defaults) {
    return Arrays.stream(System.getProperty("bench.clients", defaults).split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static final String HEADER =
      "[load] | kind | clients | direct p50 / p99 | service p50 / p99 | added p50 / p99 | turns/s | ok"
          + " | first token direct p50 / p99 | first sentence direct | first delta service | added p50 / p99 |";

  private static String row(boolean stream, int clients, Phase direct, Phase through) {
    // Added time to first token: the service's first delta (a screened sentence) minus the
    // stand-in's own time to the end of its first sentence.
    String ttft = stream
        ? String.format(" %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | **%.1f / %.1f** |",
            direct.firstP(0.5), direct.firstP(0.99), direct.sentenceP(0.5), direct.sentenceP(0.99),
            through.firstP(0.5), through.firstP(0.99),
            through.firstP(0.5) - direct.sentenceP(0.5), through.firstP(0.99) - direct.sentenceP(0.99))
        : " | | | |";
    return String.format("[load] | %s | %d | %.1f / %.1f | %.1f / %.1f | **%.1f / %.1f** | %.0f | %d/%d |%s",
        stream ? "stream" : "sync", clients, direct.totalP(0.5), direct.totalP(0.99),
        through.totalP(0.5), through.totalP(0.99),
        through.totalP(0.5) - direct.totalP(0.5), through.totalP(0.99) - direct.totalP(0.99),
        through.perSecond(), through.ok(), through.count(), ttft);
  }

  private static void throughput(OllamaStandIn ollama, Target target, ServiceProcess service) throws Exception {
    ollama.behave(OllamaStandIn.Behaviour.answer(OllamaStandIn.DEFAULT_ANSWER));
    run("warm-up", target.serviceSync(), 50, Duration.ofSeconds(15), Duration.ZERO);
    run("warm-up", target.serviceStream(), 50, Duration.ofSeconds(15), Duration.ZERO);
    int seconds = Integer.getInteger("bench.seconds", 20);
    for (int clients : new int[] {16, 64}) {
      Phase direct = run("direct", target.directSync(), clients, Duration.ofSeconds(3), Duration.ofSeconds(10));
      CompletableFuture<Long> cpu = cpuMillisDuring(service.pid(), Duration.ofSeconds(3), Duration.ofSeconds(seconds));
      Phase sync = run("service", target.serviceSync(), clients, Duration.ofSeconds(3), Duration.ofSeconds(seconds));
      System.out.printf("[load] throughput sync, %d clients: %.0f turns/s (%d/%d ok), p50 %.1f ms, p99 %.1f ms; "
              + "service CPU %.1f ms per turn; stand-in alone %.0f/s; resident memory %d MB%n",
          clients, sync.perSecond(), sync.ok(), sync.count(), sync.totalP(0.5), sync.totalP(0.99),
          (double) cpu.join() / sync.ok(), direct.perSecond(), service.residentMb());
    }
    CompletableFuture<Long> cpu = cpuMillisDuring(service.pid(), Duration.ofSeconds(3), Duration.ofSeconds(seconds));
    Phase stream = run("service", target.serviceStream(), 64, Duration.ofSeconds(3), Duration.ofSeconds(seconds));
    System.out.printf("[load] throughput stream, 64 clients: %.0f turns/s (%d/%d ok), p50 %.1f ms, p99 %.1f ms; "
            + "service CPU %.1f ms per turn%n",
        stream.perSecond(), stream.ok(), stream.count(), stream.totalP(0.5), stream.totalP(0.99),
        (double) cpu.join() / stream.ok());
  }

  /** CPU time (user + system) the service process used in the measured window after {@code warm}. */
  private static CompletableFuture<Long> cpuMillisDuring(long pid, Duration warm, Duration measure) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        Thread.sleep(warm.toMillis());
        long before = cpuMillis(pid);
        Thread.sleep(measure.toMillis());
        return cpuMillis(pid) - before;
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ 100 on Linux). */
  private static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  private static void streams(OllamaStandIn ollama, Target target, ServiceProcess service, int count) throws Exception {
    Duration perWord = Duration.ofMillis(Long.getLong("bench.streamWordMillis", 5000));
    ollama.behave(OllamaStandIn.Behaviour.answer(OllamaStandIn.DEFAULT_ANSWER, perWord));
    int words = OllamaStandIn.DEFAULT_ANSWER.split("\\s+").length;
    AtomicInteger open = new AtomicInteger();
    AtomicInteger maxOpen = new AtomicInteger();
    Queue<Result> results = new ConcurrentLinkedQueue<>();
    CountDownLatch finished = new CountDownLatch(count);
    long start = System.nanoTime();
    long peakRss = 0;
    // Opened as fast as the service takes them; each lasts words × 5 s, so they overlap.
    for (int i = 0; i < count; i++) {
      Call call = target.serviceStream();
      Listener listener = new Listener(true, open, maxOpen);
      CLIENT.sendAsync(call.request(), HttpResponse.BodyHandlers.fromLineSubscriber(listener))
          .whenComplete((response, failure) -> failed(listener, failure).whenComplete((v, f) -> {
            results.add(listener.result(response == null ? -1 : response.statusCode(), failure == null && f == null, call));
            finished.countDown();
          }));
      if (i % 50 == 49) {
        Thread.sleep(250);
        peakRss = Math.max(peakRss, service.residentMb());
      }
    }
    while (!finished.await(1, TimeUnit.SECONDS)) {
      peakRss = Math.max(peakRss, service.residentMb());
      if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(400)) {
        break;
      }
    }
    long complete = results.stream().filter(Result::ok).count();
    long allWords = results.stream().filter(r -> r.ok() && r.wholeAnswer()).count();
    System.out.printf("[load] streams: %d opened, at most %d open at once (disclosure received, done not yet), "
            + "%d complete with disclosure, deltas and done, %d of them with the whole answer (%d words) in their deltas; peak resident memory %d MB; "
            + "stream duration p50 %.1f s, p99 %.1f s (stand-in alone: %d s)%n",
        count, maxOpen.get(), complete, allWords, words, peakRss,
        percentile(results.stream().map(Result::totalNanos).toList(), 0.5) / 1e9,
        percentile(results.stream().map(Result::totalNanos).toList(), 0.99) / 1e9,
        perWord.multipliedBy(words).toSeconds());
    results.stream().filter(r -> !r.ok()).limit(3).forEach(r -> System.out.println("[load] failed stream: " + r));
  }

  // --- closed-loop load --------------------------------------------------------------------------

  /** Each client sends its next request when the previous one ended; samples within the window count. */
  private static Phase run(String name, Call prototype, int clients, Duration warm, Duration measure)
      throws InterruptedException {
    return run(name, prototype, clients, warm, measure, Duration.ZERO);
  }

  /** As above, each client waiting about {@code think} (0.5–1.5 times) before its next request. */
  private static Phase run(String name, Call prototype, int clients, Duration warm, Duration measure, Duration think)
      throws InterruptedException {
    long begin = System.nanoTime();
    long measureFrom = begin + warm.toNanos();
    long end = measureFrom + measure.toNanos();
    Queue<Result> results = new ConcurrentLinkedQueue<>();
    CountDownLatch stopped = new CountDownLatch(clients);
    Client client = new Client(prototype, results, measureFrom, end, stopped, think);
    for (int i = 0; i < clients; i++) {
      // Citizens arrive spread over one think time, not all in the same millisecond.
      client.after(think.isZero() ? 0 : ThreadLocalRandom.current().nextLong(think.toMillis()));
    }
    stopped.await();
    return new Phase(name, new ArrayList<>(results), measure);
  }

  private record Client(
      Call call, Queue<Result> results, long measureFrom, long end, CountDownLatch stopped, Duration think) {

    void after(long delayMillis) {
      if (delayMillis <= 0) {
        send();
      } else {
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS).execute(this::send);
      }
    }

    void send() {
      Listener listener = new Listener(call.stream(), null, null);
      CLIENT.sendAsync(call.request(), HttpResponse.BodyHandlers.fromLineSubscriber(listener))
          .whenComplete((response, failure) -> failed(listener, failure).whenComplete((v, f) -> {
            Result result = listener.result(response == null ? -1 : response.statusCode(), failure == null && f == null, call);
            if (listener.startNanos >= measureFrom && listener.endNanos <= end) {
              results.add(result);
            }
            long pause = think.isZero() ? 0 : (long) (think.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble()));
            if (System.nanoTime() + pause * 1_000_000 < end) {
              after(pause);
            } else {
              stopped.countDown();
            }
          }));
    }
  }

  // A connection that never opened never reaches the listener: end it here.
  private static CompletableFuture<Void> failed(Listener listener, Throwable failure) {
    if (failure != null && !listener.done.isDone()) {
      listener.onError(failure);
    }
    return listener.done;
  }

  record Call(HttpRequest request, boolean stream, boolean service) {}

  record Target(int port, String ollama) {
    Call serviceSync() {
      return service("/api/v1/chat", false);
    }

    Call serviceStream() {
      return service("/api/v1/chat/stream", true);
    }

    Call directSync() {
      return direct(false);
    }

    Call directStream() {
      return direct(true);
    }

    private Call service(String path, boolean stream) {
      return new Call(post(URI.create("http://127.0.0.1:" + port + path), "{\"message\":\"" + QUESTION + "\"}"), stream, true);
    }

    private Call direct(boolean stream) {
      String body = "{\"model\":\"" + BenchService.MODEL + "\",\"stream\":" + stream
          + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + QUESTION + "\"}]}";
      return new Call(post(URI.create(ollama + "/api/chat"), body), stream, false);
    }

    private static HttpRequest post(URI uri, String body) {
      return HttpRequest.newBuilder(uri)
          .header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(300))
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
    }
  }

  /** Timestamps of one response's lines: the first model token, the end, and what the events were. */
  static final class Listener implements Flow.Subscriber<String> {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final long startNanos = System.nanoTime();
    final boolean stream;
    final AtomicInteger open;
    final AtomicInteger maxOpen;
    final StringBuilder body = new StringBuilder();
    final StringBuilder deltaText = new StringBuilder();
    final List<String> events = new ArrayList<>();
    volatile long firstNanos = -1;
    // The service shows text a sentence at a time, after screening it: the stand-in's own time to
    // its first sentence end is what the service's first delta is compared with.
    volatile long sentenceNanos = -1;
    final StringBuilder modelText = new StringBuilder();
    volatile long endNanos;
    int lines;

    Listener(boolean stream, AtomicInteger open, AtomicInteger maxOpen) {
      this.stream = stream;
      this.open = open;
      this.maxOpen = maxOpen;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      lines++;
      if (line.startsWith("event:")) {
        String event = line.substring(6).trim();
        events.add(event);
        if (event.equals("disclosure") && open != null) {
          maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        }
        if (event.equals("delta") && firstNanos < 0) {
          firstNanos = System.nanoTime();
          sentenceNanos = firstNanos;
        }
      } else if (!line.isEmpty() && line.startsWith("{") && stream && !line.contains("\"done\":true")) {
        // NDJSON straight from the stand-in: the first token's line, then the end of the first sentence.
        long now = System.nanoTime();
        if (firstNanos < 0) {
          firstNanos = now;
        }
        Matcher content = CONTENT.matcher(line);
        if (sentenceNanos < 0 && content.find()) {
          modelText.append(content.group(1).replace("\\n", "\n"));
          if (SENTENCE_END.matcher(modelText).find()) {
            sentenceNanos = now;
          }
        }
      }
      if (!stream || line.startsWith("data:") && events.size() > 0 && events.get(events.size() - 1).equals("done")) {
        body.append(line);
      }
      if (line.startsWith("data:") && events.size() > 0 && events.get(events.size() - 1).equals("delta")) {
        deltaText.append(line);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      finish();
      done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      finish();
      done.complete(null);
    }

    private void finish() {
      endNanos = System.nanoTime();
      if (open != null && events.contains("disclosure")) {
        open.decrementAndGet();
      }
    }

    Result result(int status, boolean completed, Call call) {
      boolean ok = completed && status == 200;
      if (call.service()) {
        // A turn counts only as a labelled AI answer; streams must run disclosure → delta… → done.
        ok &= body.indexOf("\"AI_GENERATED\"") >= 0 && body.indexOf("KI-generiert") >= 0;
        if (call.stream()) {
          ok &= !events.isEmpty() && events.get(0).equals("disclosure")
              && events.get(events.size() - 1).equals("done") && !events.contains("fallback");
        }
      }
      long deltas = events.stream().filter("delta"::equals).count();
      // The stand-in's answer, both sentences, as the citizen saw it in the deltas.
      boolean whole = deltaText.indexOf("hilft Ihnen gerne weiter") >= 0 && deltaText.indexOf("oder telefonisch") >= 0;
      return new Result(ok, status, firstNanos < 0 ? -1 : firstNanos - startNanos,
          sentenceNanos < 0 ? -1 : sentenceNanos - startNanos, endNanos - startNanos, (int) deltas, whole,
          ok ? "" : events + " " + body.substring(0, Math.min(300, body.length())));
    }
  }

  record Result(boolean ok, int status, long firstNanos, long sentenceNanos, long totalNanos, int deltas, boolean wholeAnswer, String detail) {}

  record Phase(String name, List<Result> results, Duration measure) {
    int count() {
      return results.size();
    }

    int ok() {
      return (int) results.stream().filter(Result::ok).count();
    }

    double perSecond() {
      return ok() / (measure.toNanos() / 1e9);
    }

    double totalP(double p) {
      return percentile(results.stream().filter(Result::ok).map(Result::totalNanos).toList(), p) / 1e6;
    }

    double firstP(double p) {
      return percentile(results.stream().filter(r -> r.ok() && r.firstNanos() >= 0).map(Result::firstNanos).toList(), p) / 1e6;
    }

    double sentenceP(double p) {
      return percentile(
          results.stream().filter(r -> r.ok() && r.sentenceNanos() >= 0).map(Result::sentenceNanos).toList(), p) / 1e6;
    }
  }

  private static double percentile(List<Long> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }
}

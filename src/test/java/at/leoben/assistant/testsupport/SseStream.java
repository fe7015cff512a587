package at.leoben.assistant.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A citizen's chat stream read in the background as the events arrive, each with the time it
 * came; {@link #close()} hangs up mid-stream, as a citizen closing the tab does.
 */
public final class SseStream implements AutoCloseable {

  /** An event and when it arrived, in milliseconds after the request was sent. */
  public record Timed(Sse.Event event, long atMillis) {
    public String name() {
      return event.name();
    }
  }

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final List<Timed> events = new CopyOnWriteArrayList<>();
  private final AtomicReference<InputStream> body = new AtomicReference<>();
  private final CompletableFuture<List<Timed>> finished = new CompletableFuture<>();
  private final long started = System.nanoTime();

  private SseStream() {}

  /** Posts {@code json} to the service's chat stream and starts reading. */
  public static SseStream open(String json) {
    int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/chat/stream"))
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    SseStream stream = new SseStream();
    CLIENT
        .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .thenAcceptAsync(response -> stream.read(response.body()))
        .exceptionally(
            failure -> {
              stream.finished.complete(List.copyOf(stream.events));
              return null;
            });
    return stream;
  }

  private void read(InputStream in) {
    body.set(in);
    Sse.Reader reader = new Sse.Reader();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        reader.line(line).ifPresent(event -> events.add(new Timed(event, (System.nanoTime() - started) / 1_000_000)));
      }
    } catch (IOException e) {
      // Closed by close(): what came so far is the result.
    }
    finished.complete(List.copyOf(events));
  }

  /** The events so far. */
  public List<Timed> events() {
    return List.copyOf(events);
  }

  /** Waits until an event named {@code name} has come (or fails after {@code within}). */
  public Timed await(String name, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      for (Timed timed : events) {
        if (timed.name().equals(name)) {
          return timed;
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no " + name + " event within " + within + "; got " + events);
  }

  /** All events, once the service ended the stream. */
  public List<Timed> finish(Duration within) {
    return finished.orTimeout(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
  }

  /** Hangs up: closes the connection without reading on. */
  @Override
  public void close() {
    InputStream in = body.get();
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // Already closed.
      }
    }
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.ReplyKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long citizens wait: the whole turn (sync or stream, by kind of reply) and, for streams, the
 * time to the first token. Histograms, so that operators can read percentiles across instances.
 */
@ApplicationScoped
class TurnMetrics {

  private static final Duration MIN = Duration.ofMillis(1);
  private static final Duration MAX = Duration.ofMinutes(2);

  private final MeterRegistry meters;

  TurnMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Measures a streamed turn as its events pass: first delta, then done or fallback. */
  Multi<StreamEvent> observe(Multi<StreamEvent> events, long startedNanos) {
    AtomicBoolean first = new AtomicBoolean(true);
    return events.invoke(
        event -> {
          if (event instanceof StreamEvent.Delta && first.compareAndSet(true, false)) {
            firstToken(startedNanos);
          } else if (event instanceof StreamEvent.Ending ending) {
            turnFinished("stream", ending.reply().kind(), startedNanos);
          }
        });
  }

  void turnFinished(String mode, ReplyKind kind, long startedNanos) {
    Timer.builder("assistant.turn.duration")
        .description("Time from a citizen's question to the complete reply")
        .tag("mode", mode)
        .tag("kind", kind.name())
        .publishPercentileHistogram()
        .minimumExpectedValue(MIN)
        .maximumExpectedValue(MAX)
        .register(meters)
        .record(Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  private void firstToken(long startedNanos) {
    Timer.builder("assistant.first.token")
        .description("Time from a citizen's question to the first streamed token of the answer")
        .publishPercentileHistogram()
        .minimumExpectedValue(MIN)
        .maximumExpectedValue(MAX)
        .register(meters)
        .record(Duration.ofNanos(System.nanoTime() - startedNanos));
  }
}

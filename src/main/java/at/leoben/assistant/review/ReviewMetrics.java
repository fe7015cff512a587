package at.leoben.assistant.review;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The review backlog for operators: items waiting (open or in review), items in review, and the
 * age of the oldest waiting item. Read from the database on a schedule and after each change, so
 * that a scrape never waits for the database.
 */
@ApplicationScoped
public class ReviewMetrics {

  private static final Logger LOG = Logger.getLogger(ReviewMetrics.class);

  private final ReviewQueue queue;
  private final Clock clock;
  private final AtomicReference<ReviewQueue.Backlog> last =
      new AtomicReference<>(new ReviewQueue.Backlog(0, 0, null));

  public ReviewMetrics(ReviewQueue queue, MeterRegistry registry, Clock clock) {
    this.queue = queue;
    this.clock = clock;
    Gauge.builder("assistant.review.backlog", last, backlog -> backlog.get().waiting())
        .description("Review items waiting for a clerk (open or in review)")
        .register(registry);
    Gauge.builder("assistant.review.in.review", last, backlog -> backlog.get().inReview())
        .description("Review items claimed by a clerk and not yet decided")
        .register(registry);
    Gauge.builder("assistant.review.oldest.age", last, this::oldestAgeSeconds)
        .description("Age of the oldest waiting review item")
        .baseUnit("seconds")
        .register(registry);
  }

  void onStart(@Observes StartupEvent event) {
    refresh();
  }

  @Scheduled(every = "${assistant.review.metrics-refresh}", delayed = "${assistant.review.metrics-refresh}")
  public void refresh() {
    try {
      last.set(queue.backlog());
    } catch (RuntimeException e) {
      // Metrics must not fail a request or the scheduler; the last value stays.
      LOG.warnf("Could not read the review backlog (%s)", e.getClass().getName());
    }
  }

  private double oldestAgeSeconds(AtomicReference<ReviewQueue.Backlog> backlog) {
    Instant oldest = backlog.get().oldestCreatedAt();
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now(clock)).toSeconds());
  }
}

package at.leoben.assistant.cases;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Cases waiting for an answer per office, for operators: how many, the age of the oldest, and how
 * many wait past the time promised to the citizen (the alert). Read on a schedule and after each
 * change, so that a scrape never waits for the database.
 */
@ApplicationScoped
public class CaseMetrics {

  private static final Logger LOG = Logger.getLogger(CaseMetrics.class);

  /** What waits at one office: open or claimed, not yet answered. */
  record Waiting(long count, long overdue, Instant oldest) {}

  private final Clock clock;
  private final Map<String, Waiting> last = new ConcurrentHashMap<>();

  CaseMetrics(Offices offices, MeterRegistry registry, Clock clock) {
    this.clock = clock;
    for (Offices.Office office : offices.all()) {
      String key = office.key();
      last.put(key, new Waiting(0, 0, null));
      Tags tags = Tags.of("office", key);
      Gauge.builder("assistant.cases.waiting", last, m -> m.get(key).count())
          .tags(tags)
          .description("Hand-over cases of an office waiting for an answer (open or claimed)")
          .register(registry);
      Gauge.builder("assistant.cases.overdue", last, m -> m.get(key).overdue())
          .tags(tags)
          .description("Waiting cases past the reply time promised to the citizen")
          .register(registry);
      Gauge.builder("assistant.cases.oldest.age", last, m -> age(m.get(key).oldest()))
          .tags(tags)
          .description("Age of the oldest case waiting for an answer")
          .baseUnit("seconds")
          .register(registry);
    }
  }

  void onStart(@Observes StartupEvent event) {
    refresh();
  }

  @Scheduled(every = "30s", delayed = "30s")
  public void refresh() {
    try {
      Instant now = Instant.now(clock);
      List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> waiting(now));
      last.replaceAll((office, old) -> new Waiting(0, 0, null));
      for (Object[] row : rows) {
        last.computeIfPresent(
            (String) row[0],
            (office, old) -> new Waiting(((Number) row[1]).longValue(), ((Number) row[2]).longValue(), (Instant) row[3]));
      }
    } catch (RuntimeException e) {
      // Metrics must not fail a request or the scheduler; the last values stay.
      LOG.warnf("Could not read the waiting cases (%s)", e.getClass().getName());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> waiting(Instant now) {
    return HandoverCase.getEntityManager()
              .createQuery(
                  "select c.office, count(c), sum(case when c.expectedReplyBy < :now then 1 else 0 end), min(c.createdAt)"
                      + " from HandoverCase c where c.status in (:waiting) group by c.office")
              .setParameter("now", now)
              .setParameter("waiting", List.of(CaseStatus.OPEN, CaseStatus.CLAIMED))
              .getResultList();
  }

  private double age(Instant oldest) {
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now(clock)).toSeconds());
  }
}

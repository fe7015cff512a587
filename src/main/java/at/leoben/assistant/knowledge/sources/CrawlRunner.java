package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.staff.StaffMember;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs crawls one after another on a thread of their own (a crawl is slow on purpose: it pauses
 * between requests), started by an admin or by the schedule. A source is claimed in the database
 * first, so two instances never crawl it at the same time.
 */
@ApplicationScoped
class CrawlRunner {

  private static final Logger LOG = Logger.getLogger(CrawlRunner.class);

  private final SourceStore store;
  private final Crawler crawler;
  private final Clock clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "knowledge-crawl");
            thread.setDaemon(true);
            return thread;
          });

  CrawlRunner(SourceStore store, Crawler crawler, Clock clock) {
    this.store = store;
    this.crawler = crawler;
    this.clock = clock;
  }

  /** Claims the source and queues its crawl; false when it is being crawled already. */
  boolean start(UUID sourceId, StaffMember by) {
    if (!store.claim(sourceId, false)) {
      return false;
    }
    worker.execute(() -> run(sourceId, by));
    return true;
  }

  /** Crawls the sources whose schedule has come. */
  @Scheduled(
      identity = "knowledge-sources",
      every = "${assistant.sources.tick}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    List<UUID> due = store.due();
    for (UUID id : due) {
      if (store.claim(id, true)) {
        worker.execute(() -> run(id, null));
      }
    }
  }

  private void run(UUID sourceId, StaffMember by) {
    Instant started = Instant.now(clock);
    CrawlReport report;
    try {
      report = crawler.crawl(sourceId, by);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Crawl of knowledge source %s failed", sourceId);
      report =
          new CrawlReport(
              started, Instant.now(clock), by == null ? null : by.username(), 0, 0, 0, 0, 0, 0, 0, 0,
              List.of(new CrawlReport.Problem(null, PageProblem.UNREADABLE, e.getClass().getSimpleName())));
    }
    try {
      store.finish(sourceId, report, by);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Could not record the crawl of knowledge source %s", sourceId);
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.audit.AuditRetention;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes what the city may no longer keep, every night: conversations after their retention
 * period, then the content of old audit entries (README, Data protection).
 */
@ApplicationScoped
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class);

  private final ConversationStore store;
  private final AuditRetention auditRetention;
  private final ChatConfig config;
  private final Clock clock;

  RetentionJob(ConversationStore store, AuditRetention auditRetention, ChatConfig config, Clock clock) {
    this.store = store;
    this.auditRetention = auditRetention;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${assistant.chat.retention-schedule}",
      timeZone = "Europe/Vienna",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void run() {
    runAt(Instant.now(clock));
  }

  /** Applies the retention periods as of {@code now}. */
  public void runAt(Instant now) {
    Instant before = now.minus(Duration.ofDays(config.retentionDays()));
    int conversations = 0;
    int batch;
    do {
      batch = store.expire(before);
      conversations += batch;
    } while (batch > 0);
    int auditEntries = auditRetention.apply(now);
    LOG.infof("Retention: %d conversations deleted, content of %d audit entries replaced by digests", conversations, auditEntries);
  }
}

package at.leoben.assistant.cases;

import at.leoben.assistant.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Deletes closed cases {@code assistant.cases.retention-days} after they were closed, with their
 * contact data, note, conversation and reply (README, Hand-over to the offices). The audit keeps
 * that it happened and how many, nothing of the content.
 */
@ApplicationScoped
public class CaseRetention {

  private static final Logger LOG = Logger.getLogger(CaseRetention.class);
  private static final int BATCH = 500;

  private final AuditTrail audit;
  private final CasesConfig config;
  private final Clock clock;

  CaseRetention(AuditTrail audit, CasesConfig config, Clock clock) {
    this.audit = audit;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${assistant.chat.retention-schedule}",
      timeZone = "Europe/Vienna",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    runAt(Instant.now(clock));
  }

  /** Applies the retention period as of {@code now}; returns how many cases were deleted. */
  public int runAt(Instant now) {
    Instant before = now.minus(Duration.ofDays(config.retentionDays()));
    int total = 0;
    int batch;
    do {
      batch = QuarkusTransaction.requiringNew().call(() -> expire(before));
      total += batch;
    } while (batch > 0);
    LOG.infof("Retention: %d closed hand-over cases deleted", total);
    return total;
  }

  private int expire(Instant before) {
    List<UUID> expired =
        HandoverCase.<HandoverCase>find("status = ?1 and closedAt < ?2", CaseStatus.CLOSED, before).page(0, BATCH).stream()
            .map(c -> c.id)
            .toList();
    if (!expired.isEmpty()) {
      CaseMail.delete("caseId in ?1", expired);
      HandoverCase.delete("id in ?1", expired);
      audit.recordRetention("CASES", expired.size());
    }
    return expired.size();
  }
}

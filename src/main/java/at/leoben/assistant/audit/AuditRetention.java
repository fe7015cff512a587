package at.leoben.assistant.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * After the retention period, what was said (question, answer, comment) leaves the audit: it is
 * replaced by its digest, so the chain still verifies and the entry still proves that something
 * was said, by whom and under whose responsibility.
 */
@ApplicationScoped
public class AuditRetention {

  private final AuditChain chain;
  private final AuditTrail trail;
  private final AuditConfig config;

  AuditRetention(AuditChain chain, AuditTrail trail, AuditConfig config) {
    this.chain = chain;
    this.trail = trail;
    this.config = config;
  }

  /** Returns how many entries lost their content, counting the retention period back from {@code now}. */
  @Transactional
  public int apply(Instant now) {
    Instant before = now.minus(Duration.ofDays(config.retentionDays()));
    int erased = chain.eraseBefore(before);
    if (erased > 0) {
      trail.recordRetention("AUDIT_CONTENT", erased);
    }
    return erased;
  }
}

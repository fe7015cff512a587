package at.leoben.assistant.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** Writes a signed checkpoint of the chain's head, apart from the entries, when it moved. */
@ApplicationScoped
public class AuditCheckpoints {

  private final AuditSealer sealer;
  private final AuditSigner signer;
  private final Clock clock;

  AuditCheckpoints(AuditSealer sealer, AuditSigner signer, Clock clock) {
    this.sealer = sealer;
    this.signer = signer;
    this.clock = clock;
  }

  /** What a checkpoint signs. */
  static String message(long seq, String headHash, Instant createdAt) {
    return "buergerassistent-audit-checkpoint\n" + seq + "\n" + headHash + "\n" + AuditHash.micros(createdAt);
  }

  @Scheduled(every = "${assistant.audit.checkpoint-interval}", delayed = "10s")
  public void scheduled() {
    sealer.sealPending();
    write();
  }

  @Transactional
  public void write() {
    var em = Panache.getEntityManager();
    Object[] head = (Object[]) em.createNativeQuery("select seq, hash from audit_head where id = 1").getSingleResult();
    long seq = ((Number) head[0]).longValue();
    Number last = (Number) em.createNativeQuery("select coalesce(max(seq), 0) from audit_checkpoint").getSingleResult();
    if (seq == 0 || seq <= last.longValue()) {
      return;
    }
    String hash = (String) head[1];
    Instant now = AuditHash.micros(Instant.now(clock));
    em.createNativeQuery(
            "insert into audit_checkpoint (seq, head_hash, created_at, public_key, signature) values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, seq)
        .setParameter(2, hash)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, signer.publicKey())
        .setParameter(5, signer.sign(message(seq, hash, now)))
        .executeUpdate();
  }
}

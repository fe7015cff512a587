package at.leoben.assistant.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes entries in the caller's transaction, unsealed: turns commit in parallel and hold no lock.
 * {@link AuditSealer} gives them their chain position and hash shortly after, in batches.
 */
@ApplicationScoped
class AuditChain {

  private final AuditSigner signer;

  AuditChain(AuditSigner signer) {
    this.signer = signer;
  }

  @Transactional(TxType.MANDATORY)
  void append(AuditEntry entry) {
    entry.occurredAt = AuditHash.micros(entry.occurredAt);
    entry.mac = signer.mac(entry);
    entry.persist();
    // Flush now so that a refused insert fails this turn, not a later statement.
    Panache.getEntityManager().flush();
  }

  /**
   * Replaces question, answer and comment of a conversation's entries by their digests: the only
   * change the database allows, through the owner's function (V17), so the runtime role needs no
   * UPDATE on the audit. The sealer may chain these entries meanwhile. Returns how many changed.
   */
  @Transactional(TxType.MANDATORY)
  int eraseConversation(UUID conversationId) {
    return ((Number) Panache.getEntityManager()
            .createNativeQuery("select audit_erase_conversation(?1)")
            .setParameter(1, conversationId)
            .getSingleResult())
        .intValue();
  }

  /** The same for all content written before {@code before} (retention). */
  @Transactional(TxType.MANDATORY)
  int eraseBefore(Instant before) {
    return ((Number) Panache.getEntityManager()
            .createNativeQuery("select audit_erase_before(?1)")
            .setParameter(1, Timestamp.from(before))
            .getSingleResult())
        .intValue();
  }
}

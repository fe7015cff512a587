package at.leoben.assistant.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Writes entries in the caller's transaction, unsealed: turns commit in parallel and hold no lock.
 * {@link AuditSealer} gives them their chain position and hash shortly after, in batches.
 */
@ApplicationScoped
class AuditChain {

  @Transactional(TxType.MANDATORY)
  void append(AuditEntry entry) {
    entry.occurredAt = AuditHash.micros(entry.occurredAt);
    entry.persist();
    // Flush now so that a refused insert fails this turn, not a later statement.
    Panache.getEntityManager().flush();
  }

  /** Lets retention replace content by its digest in this transaction (the trigger allows only that). */
  @Transactional(TxType.MANDATORY)
  void allowRetention() {
    EntityManager em = Panache.getEntityManager();
    em.createNativeQuery("select set_config('assistant.audit_retention', 'on', true)").getSingleResult();
  }
}

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

  /**
   * Replaces question, answer and comment by their digests in the entries where {@code condition}
   * (SQL with one parameter, ?1) holds; the only change the trigger allows, and only with the
   * retention flag set for this transaction. One statement that touches nothing else, so the
   * sealer may chain these entries meanwhile. Returns how many entries it changed.
   */
  @Transactional(TxType.MANDATORY)
  int eraseContent(String condition, Object parameter) {
    EntityManager em = Panache.getEntityManager();
    em.createNativeQuery("select set_config('assistant.audit_retention', 'on', true)").getSingleResult();
    return em.createNativeQuery(
            "update audit_entry set question = audit_digest(question), answer = audit_digest(answer),"
                + " note = audit_digest(note) where " + condition)
        .setParameter(1, parameter)
        .executeUpdate();
  }
}

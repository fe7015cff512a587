package at.leoben.assistant.review;

import at.leoben.assistant.privacy.Redactor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Puts replies into the review queue, in the transaction that stores what raised the flag: one
 * item per reply, however many flags it gets. A new flag on a decided reply opens it again.
 */
@ApplicationScoped
public class Flags {

  private final Clock clock;
  private final Redactor redactor;
  private final MeterRegistry meters;

  public Flags(Clock clock, Redactor redactor, MeterRegistry meters) {
    this.clock = clock;
    this.redactor = redactor;
    this.meters = meters;
  }

  @Transactional(TxType.MANDATORY)
  public void raise(UUID conversationId, UUID messageId, List<FlagRequest> requests) {
    if (requests.isEmpty()) {
      return;
    }
    Instant now = Instant.now(clock);
    for (FlagRequest request : requests) {
      ReviewFlag flag = new ReviewFlag();
      flag.conversationId = conversationId;
      flag.messageId = messageId;
      flag.reason = request.reason();
      flag.severity = request.severity();
      flag.detail = redactor.redact(request.detail());
      flag.withheldText = redactor.redact(request.withheldText());
      flag.createdAt = now;
      flag.persist();
      meters.counter("assistant.flags", "reason", String.valueOf(request.reason())).increment();
    }
    var entityManager = Panache.getEntityManager();
    // Insert-or-keep in one statement: a turn and a citizen's feedback may flag a reply at once.
    int created =
        entityManager
            .createNativeQuery(
                "insert into review_item (id, message_id, conversation_id, status, created_at, version)"
                    + " values (?1, ?2, ?3, 'OPEN', ?4, 0) on conflict (message_id) do nothing")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, messageId)
            .setParameter(3, conversationId)
            .setParameter(4, now)
            .executeUpdate();
    if (created == 0) {
      entityManager
          .createNativeQuery(
              "update review_item set status = 'OPEN', claimed_by = null, claimed_at = null,"
                  + " version = version + 1 where message_id = ?1"
                  + " and status in ('APPROVED', 'CORRECTED', 'REJECTED')")
          .setParameter(1, messageId)
          .executeUpdate();
    }
  }

  /** A citizen erased the conversation: its flags, feedback and review items go with it. */
  @Transactional(TxType.MANDATORY)
  public void forget(UUID conversationId) {
    ReviewFlag.delete("conversationId", conversationId);
    Feedback.delete("conversationId", conversationId);
    ReviewItem.delete("conversationId", conversationId);
  }
}

package at.leoben.assistant.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Puts replies into the review queue, in the transaction that stores the reply. */
@ApplicationScoped
public class Flags {

  private final Clock clock;

  public Flags(Clock clock) {
    this.clock = clock;
  }

  @Transactional(TxType.MANDATORY)
  public void raise(UUID conversationId, UUID messageId, List<FlagRequest> requests) {
    for (FlagRequest request : requests) {
      ReviewFlag flag = new ReviewFlag();
      flag.conversationId = conversationId;
      flag.messageId = messageId;
      flag.reason = request.reason();
      flag.severity = request.severity();
      flag.detail = request.detail();
      flag.withheldText = request.withheldText();
      flag.createdAt = Instant.now(clock);
      flag.status = "OPEN";
      flag.persist();
    }
  }
}

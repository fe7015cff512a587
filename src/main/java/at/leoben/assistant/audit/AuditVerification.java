package at.leoben.assistant.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The outcome of checking the whole chain: intact, or the first place where it breaks and how. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(
    boolean intact,
    long entries,
    long headSeq,
    String headHash,
    int checkpoints,
    int checkpointsWithOtherKey,
    Break firstBreak,
    Instant checkedAt,
    long durationMillis) {

  /** How the chain breaks. */
  public enum Kind {
    /** An entry's fields no longer give its hash. */
    CHANGED,
    /** Sequence numbers jump (or the head names entries that are gone). */
    MISSING,
    /** An entry does not follow the one before it. */
    REORDERED,
    /** The chain was rebuilt: it no longer matches a signed checkpoint. */
    REWRITTEN,
    /** A checkpoint's signature does not hold. */
    CHECKPOINT_FORGED
  }

  public record Break(long seq, Kind kind, String detail) {}
}

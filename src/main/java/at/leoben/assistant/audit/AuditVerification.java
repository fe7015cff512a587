package at.leoben.assistant.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The outcome of checking the whole chain: intact, or the first place where it breaks and how.
 * {@code authenticated} says whether entries and checkpoints were checked against the pinned keys
 * (false when the service runs without configured keys: then only the chain's own consistency and
 * the witness count). {@code witnessed} is how many checkpoints the witness file holds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditVerification(
    boolean intact,
    long entries,
    long headSeq,
    String headHash,
    int checkpoints,
    int checkpointsWithOtherKey,
    boolean authenticated,
    long legacyEntries,
    int witnessed,
    Long witnessedHeadSeq,
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
    /** An entry was not written by the service: its HMAC is missing or does not hold. */
    FORGED,
    /** The chain was rebuilt: it no longer matches a signed checkpoint. */
    REWRITTEN,
    /** A checkpoint's signature does not hold, or it is signed by a key other than the pinned one. */
    CHECKPOINT_FORGED,
    /** The database ends before a signed head (in the database or the witness). */
    TRUNCATED,
    /** A head the witness saw is no longer in the chain. */
    FORKED
  }

  public record Break(long seq, Kind kind, String detail) {}
}

package at.leoben.assistant.llm;

import java.time.Instant;
import java.util.Optional;

/**
 * What the last comparison of the served model with the registry found. {@code reason} is for
 * operators (health, audit, log), never for citizens.
 */
public record ModelCheck(
    State state,
    String model,
    Optional<String> servedDigest,
    Optional<ApprovedModel> approval,
    String reason,
    Instant checkedAt) {

  public enum State {
    /** Not checked yet (just started). */
    UNKNOWN,
    /** Ollama serves the configured model with the approved digest: answers may come from it. */
    APPROVED,
    /** The configured model has no entry in the registry. */
    NOT_APPROVED,
    /** Ollama serves the model under the approved name, but with another digest. */
    DRIFTED,
    /** Ollama answers but does not have the configured model. */
    NOT_SERVED,
    /** Ollama does not answer. */
    UNREACHABLE;

    /** States that a second look soon may change without anybody's approval. */
    boolean passing() {
      return this == UNKNOWN || this == NOT_SERVED || this == UNREACHABLE;
    }

    /** States in which the registry, not Ollama's availability, keeps the model out. */
    public boolean refusedByRegistry() {
      return this == NOT_APPROVED || this == DRIFTED;
    }
  }

  public boolean approved() {
    return state == State.APPROVED;
  }
}

package at.leoben.assistant.llm;

/** The model gave no usable answer; the caller serves the human channels instead. */
public class ModelUnavailable extends RuntimeException {

  /** Why, for the audit and the metrics; never shown to the citizen in detail. */
  public enum Failure {
    UNREACHABLE,
    ERROR,
    TIMEOUT,
    STALLED,
    INVALID_OUTPUT,
    CIRCUIT_OPEN,
    /** The served model is not the approved one (registry); no call was made. */
    NOT_APPROVED
  }

  private final Failure failure;

  public ModelUnavailable(Failure failure, String detail) {
    super(failure + ": " + detail, null, false, false);
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }

  /** The registry, not the model's availability, kept the question from the model. */
  public boolean notApproved() {
    return failure == Failure.NOT_APPROVED;
  }
}

package at.leoben.assistant.admission;

import java.time.Duration;

/**
 * No slot of the model host within the allowed wait: refused at once (the estimate was too long),
 * expired in line, or the same conversation asked again and took over the place.
 */
public final class ModelBusy extends RuntimeException {

  /** Why the place in line ended without a slot. */
  public enum Why {
    ESTIMATE_TOO_LONG,
    WAITED_TOO_LONG,
    SUPERSEDED
  }

  private final Why why;
  private final Duration estimatedWait;

  public ModelBusy(Why why, Duration estimatedWait) {
    super("model busy: " + why + " (estimated wait " + estimatedWait.toMillis() + " ms)", null, false, false);
    this.why = why;
    this.estimatedWait = estimatedWait;
  }

  public Why why() {
    return why;
  }

  public Duration estimatedWait() {
    return estimatedWait;
  }
}

package at.leoben.assistant.admission;

import java.time.Duration;

/** Where a waiting citizen stands: 1 is next; the wait is an estimate from measured generations. */
public record Place(int position, Duration estimatedWait) {

  /** Whole seconds, rounded up: "about 0 seconds" would promise too much. */
  public long estimatedWaitSeconds() {
    long millis = estimatedWait.toMillis();
    return millis <= 0 ? 0 : (millis + 999) / 1000;
  }
}

package at.leoben.assistant.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition in a test, never for a fixed time unless the test is about time. */
public final class Wait {

  private static final Duration POLL = Duration.ofMillis(20);

  private Wait() {}

  /** Polls until the condition holds; fails the test when it does not hold within {@code within}. */
  public static void until(Duration within, BooleanSupplier condition) {
    until(within, POLL, condition);
  }

  /** The same, asking only {@code every} so often (a condition that asks the service a question). */
  public static void until(Duration within, Duration every, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within);
      }
      pause(every);
    }
  }

  /** A fixed pause, for tests about timing ("half a second into the generation"). */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

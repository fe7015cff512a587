package at.leoben.assistant.understanding;

import java.util.Set;

/**
 * The safety net's verdict on one message and which of its readers saw it ({@code vocabulary},
 * {@code classifier}); the layers are counted apart so a city sees what each one catches.
 */
public record Reading(Intent intent, Set<String> by) {

  public static Reading ordinary() {
    return new Reading(new Intent.Ordinary(), Set.of());
  }

  public boolean isOrdinary() {
    return intent instanceof Intent.Ordinary;
  }
}

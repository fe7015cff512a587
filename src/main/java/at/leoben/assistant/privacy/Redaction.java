package at.leoben.assistant.privacy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A redacted text and the kinds of personal data that were replaced in it. {@code text} is null
 * only when the input was null, so optional fields (a feedback comment) stay absent.
 */
public record Redaction(String text, Set<Kind> kinds) {

  public Redaction {
    kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
  }

  /** Whether anything was replaced. */
  public boolean redacted() {
    return !kinds.isEmpty();
  }
}

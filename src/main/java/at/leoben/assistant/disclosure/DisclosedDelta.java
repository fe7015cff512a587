package at.leoben.assistant.disclosure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/** A streamed piece of an AI answer; it cannot be made without the disclosure it belongs to. */
public record DisclosedDelta(String text, @JsonIgnore Disclosure disclosure) {
  public DisclosedDelta {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(disclosure, "a streamed AI answer needs its disclosure");
  }
}

package at.leoben.assistant.notice;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How urgent a notice is; the widget announces an emergency at once (role alert), others politely. */
public enum Severity {
  INFO,
  WARNING,
  EMERGENCY;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Severity> parse(String code) {
    for (Severity severity : values()) {
      if (code != null && severity.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}

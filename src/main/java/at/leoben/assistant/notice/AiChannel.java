package at.leoben.assistant.notice;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a question comes from, for the AI switch: the city's chat widget, or the API used by other
 * clients. "all" in a switch request means both.
 */
public enum AiChannel {
  WIDGET,
  API;

  /** The header the widget sends; any other caller counts as an API client. */
  public static final String HEADER = "X-Assistant-Channel";

  static final String ALL = "all";

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The channel of a chat request by its {@link #HEADER}. */
  public static AiChannel ofHeader(String header) {
    return header != null && WIDGET.code().equalsIgnoreCase(header.strip()) ? WIDGET : API;
  }

  /** "all", "widget" or "api"; empty for anything else. */
  static Optional<List<AiChannel>> parse(String code) {
    String value = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case ALL -> Optional.of(List.of(values()));
      case "widget" -> Optional.of(List.of(WIDGET));
      case "api" -> Optional.of(List.of(API));
      default -> Optional.empty();
    };
  }
}

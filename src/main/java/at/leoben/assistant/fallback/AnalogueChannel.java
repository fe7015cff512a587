package at.leoben.assistant.fallback;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A human way to the city as the citizen sees it. {@code href} is a ready-made {@code tel:} or
 * {@code mailto:} link; {@code openNow} is computed in Europe/Vienna time, holidays included.
 */
public record AnalogueChannel(
    ChannelType type,
    String label,
    String value,
    @JsonInclude(JsonInclude.Include.NON_NULL) String href,
    List<DayHours> openingHours,
    boolean openNow) {

  public AnalogueChannel {
    openingHours = List.copyOf(openingHours);
  }

  /** The opening hours of one weekday, e.g. MONDAY / "Montag" / ["07:30–12:30", "13:30–16:00"]. */
  public record DayHours(String day, String label, List<String> times) {
    public DayHours {
      times = List.copyOf(times);
    }
  }
}

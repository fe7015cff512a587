package at.leoben.assistant.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a text/event-stream: a whole body at once ({@link #parse}), or line by line as it arrives
 * ({@link Reader}), so that a client can time each event. Event data is JSON, as the service sends it.
 */
public final class Sse {

  public record Event(String name, JsonNode data) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private Sse() {}

  public static List<Event> parse(String body) {
    Reader reader = new Reader();
    List<Event> events = new ArrayList<>();
    for (String line : body.split("\r?\n", -1)) {
      reader.line(line).ifPresent(events::add);
    }
    reader.end().ifPresent(events::add);
    return events;
  }

  public static List<String> names(List<Event> events) {
    return events.stream().map(Event::name).toList();
  }

  /** Collects the lines of one event at a time; a blank line completes it. */
  public static final class Reader {

    private String name = "message";
    private final StringBuilder data = new StringBuilder();

    /** Feeds one line (without its line break); the event it completes, if any. */
    public Optional<Event> line(String line) {
      if (line.isEmpty()) {
        return flush();
      }
      if (line.startsWith("event:")) {
        name = line.substring("event:".length()).strip();
      } else if (line.startsWith("data:")) {
        String value = line.substring("data:".length());
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(value.startsWith(" ") ? value.substring(1) : value);
      }
      return Optional.empty();
    }

    /** The last event of a body that ends without a blank line. */
    public Optional<Event> end() {
      return flush();
    }

    private Optional<Event> flush() {
      Optional<Event> event = data.length() == 0 ? Optional.empty() : Optional.of(new Event(name, read(data.toString())));
      name = "message";
      data.setLength(0);
      return event;
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("event data is not JSON: " + json, e);
    }
  }
}

package at.leoben.assistant.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Parses a text/event-stream body into named events with JSON data. */
public final class Sse {

  public record Event(String name, JsonNode data) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private Sse() {}

  public static List<Event> parse(String body) {
    List<Event> events = new ArrayList<>();
    String name = "message";
    StringBuilder data = new StringBuilder();
    for (String line : (body + "\n\n").split("\r?\n", -1)) {
      if (line.isEmpty()) {
        if (data.length() > 0) {
          events.add(new Event(name, read(data.toString())));
        }
        name = "message";
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
      }
    }
    return events;
  }

  public static List<String> names(List<Event> events) {
    return events.stream().map(Event::name).toList();
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("event data is not JSON: " + json, e);
    }
  }
}

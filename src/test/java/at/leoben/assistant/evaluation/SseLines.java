package at.leoben.assistant.evaluation;

import java.util.Optional;

/** Reads a text/event-stream line by line, so that the caller can time each event as it arrives. */
final class SseLines {

  record Event(String name, String data) {}

  private String name = "message";
  private final StringBuilder data = new StringBuilder();

  /** Feeds one line (without its line break); a blank line completes an event. */
  Optional<Event> line(String line) {
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
  Optional<Event> end() {
    return flush();
  }

  private Optional<Event> flush() {
    Optional<Event> event = data.length() == 0 ? Optional.empty() : Optional.of(new Event(name, data.toString()));
    name = "message";
    data.setLength(0);
    return event;
  }
}

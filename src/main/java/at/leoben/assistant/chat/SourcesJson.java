package at.leoben.assistant.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The sources of a stored answer, kept as a small JSON list beside its text. */
@ApplicationScoped
class SourcesJson {

  private static final TypeReference<List<Source>> LIST = new TypeReference<>() {};

  private final ObjectMapper json;

  SourcesJson(ObjectMapper json) {
    this.json = json;
  }

  String write(List<Source> sources) {
    try {
      return json.writeValueAsString(sources);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Source> read(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(stored, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable sources of a stored answer", e);
    }
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;

/**
 * Reads a chat request itself rather than leaving it to the framework, so that every kind of
 * malformed body gets the same precise German problem detail naming the offending field.
 */
@ApplicationScoped
class ChatRequestParser {

  private final ObjectMapper json;

  ChatRequestParser(ObjectMapper json) {
    this.json = json;
  }

  ChatRequest parse(String body) {
    if (body == null || body.isBlank()) {
      throw ProblemException.badRequest("problem.message.blank");
    }
    try {
      return json.readValue(body, ChatRequest.class);
    } catch (JsonMappingException e) {
      String field =
          e.getPath().stream()
              .map(JsonMappingException.Reference::getFieldName)
              .filter(Objects::nonNull)
              .reduce((first, second) -> second)
              .orElse("");
      if (field.isEmpty()) {
        throw ProblemException.badRequest("problem.json.not-object");
      }
      throw "language".equals(field)
          ? ProblemException.badRequest("problem.language.unsupported")
          : ProblemException.badRequest("problem.json.wrong-type", field);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("problem.json.invalid");
    }
  }
}

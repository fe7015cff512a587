package at.leoben.assistant.chat;

import at.leoben.assistant.web.JsonProblems;
import at.leoben.assistant.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Reads a chat request itself rather than leaving it to the framework, so that every kind of
 * malformed body gets the same precise German problem detail naming the offending field; then
 * validates it like every request record.
 */
@ApplicationScoped
class ChatRequestParser {

  private final ObjectMapper json;
  private final Validator validator;

  ChatRequestParser(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  ChatRequest parse(String body) {
    if (body == null || body.isBlank()) {
      throw ProblemException.badRequest("problem.message.blank");
    }
    ChatRequest request;
    try {
      request = json.readValue(body, ChatRequest.class);
    } catch (JsonProcessingException e) {
      throw JsonProblems.of(e);
    }
    if (request == null) {
      throw ProblemException.badRequest("problem.message.blank");
    }
    Set<ConstraintViolation<ChatRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return request;
  }
}

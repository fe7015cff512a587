package at.leoben.assistant.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Objects;

/** A body Jackson could not read, as the problem naming the field it stumbled over. */
public final class JsonProblems {

  private JsonProblems() {}

  public static ProblemException of(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return ProblemException.badRequest("problem.json.invalid");
    }
    String field =
        mapping.getPath().stream()
            .map(JsonMappingException.Reference::getFieldName)
            .filter(Objects::nonNull)
            .reduce((first, second) -> second)
            .orElse("");
    if (field.isEmpty()) {
      return ProblemException.badRequest("problem.json.not-object");
    }
    return "language".equals(field)
        ? ProblemException.badRequest("problem.language.unsupported")
        : ProblemException.badRequest("problem.json.wrong-type", field);
  }
}

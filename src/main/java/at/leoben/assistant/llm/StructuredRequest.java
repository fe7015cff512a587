package at.leoben.assistant.llm;

import java.util.List;
import java.util.Map;

/**
 * A short structured call: the reader's system prompt, earlier turns (oldest first), the message,
 * and the shape of the JSON the model must return: fields with a closed set of values and free
 * text fields, all required.
 */
public record StructuredRequest(
    String systemPrompt,
    List<PromptTurn> history,
    String message,
    Map<String, List<String>> enumFields,
    List<String> textFields) {
  public StructuredRequest {
    history = List.copyOf(history);
    enumFields = Map.copyOf(enumFields);
    textFields = List.copyOf(textFields);
  }
}

package at.leoben.assistant.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON the model must return for a reading, and the strict check of what it did return: an
 * answer that is not JSON, or not exactly this shape, counts as no reading at all.
 */
final class ReadingFormat {

  static final String INTENT = "intent";
  static final String AREA = "area";
  static final String LANGUAGE = "language";
  static final String STANDALONE = "standalone_question_de";

  static final List<String> INTENTS = List.of("ordinary", "sensitive", "crisis", "person", "misuse", "smalltalk");
  /** The sensitive areas (the guard's keys) and {@code none} for every other intent. */
  static final List<String> AREAS =
      List.of("none", "health", "social-benefits", "asylum-residence", "child-welfare", "criminal-police", "legal-advice");

  private static final Set<String> FIELDS = Set.of(INTENT, AREA, LANGUAGE, STANDALONE);
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
  private static final int MAX_QUESTION = 600;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReadingFormat() {}

  static Map<String, List<String>> enumFields() {
    return Map.of(INTENT, INTENTS, AREA, AREAS);
  }

  static List<String> textFields() {
    return List.of(LANGUAGE, STANDALONE);
  }

  /** The reading in {@code json}; empty when it is not valid JSON of the schema. */
  static Optional<ModelReading> parse(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (node == null || !node.isObject() || node.size() != FIELDS.size()) {
      return Optional.empty();
    }
    for (String field : FIELDS) {
      if (!node.path(field).isTextual()) {
        return Optional.empty();
      }
    }
    String intent = node.get(INTENT).asText();
    String area = node.get(AREA).asText();
    String language = node.get(LANGUAGE).asText().strip().toLowerCase(Locale.ROOT);
    String question = node.get(STANDALONE).asText().strip();
    if (!INTENTS.contains(intent) || !AREAS.contains(area) || !LANGUAGE_CODE.matcher(language).matches()) {
      return Optional.empty();
    }
    // "sensitive" names its area; every other intent has none.
    if (intent.equals("sensitive") == area.equals("none")) {
      return Optional.empty();
    }
    Optional<String> standalone =
        question.isEmpty() ? Optional.empty() : Optional.of(question.length() > MAX_QUESTION ? question.substring(0, MAX_QUESTION) : question);
    return Optional.of(new ModelReading(intent(intent, area), language, standalone));
  }

  private static Intent intent(String intent, String area) {
    return switch (intent) {
      case "sensitive" -> new Intent.Sensitive(area);
      case "crisis" -> new Intent.Crisis();
      case "person" -> new Intent.Person();
      case "misuse" -> new Intent.Misuse();
      case "smalltalk" -> new Intent.SmallTalk();
      default -> new Intent.Ordinary();
    };
  }
}

package at.leoben.assistant.understanding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled messages for the classifier, from YAML lists in the evaluation-set format ({@code label},
 * {@code area}, {@code text}, or {@code turns} for a follow-up) or the guard corpus format ({@code
 * class}). Sensitive items are labelled with their area; not-covered questions and both turns of a
 * follow-up are ordinary questions.
 */
public final class Corpus {

  /** One labelled message: {@code crisis}, an area key, {@code person}, {@code misuse}, {@code smalltalk} or {@code ordinary}. */
  public record Example(String label, String text) {}

  private Corpus() {}

  public static List<Example> parse(String yaml) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Example> examples = new ArrayList<>();
    if (root == null || !root.isArray()) {
      return examples;
    }
    for (JsonNode item : root) {
      String label = item.path("label").asText(item.path("class").asText(""));
      String area = item.path("area").asText("");
      String text = item.path("text").asText("");
      switch (label) {
        case "sensitive" -> add(examples, area.equals("crisis") ? "crisis" : area, text);
        case "injection", "misuse" -> add(examples, "misuse", text);
        case "not-covered", "ordinary" -> add(examples, "ordinary", text);
        case "followup" -> item.path("turns").forEach(turn -> add(examples, "ordinary", turn.asText()));
        case "crisis", "person", "smalltalk" -> add(examples, label, text);
        default -> {} // output-screen classes of the guard corpus
      }
    }
    return examples;
  }

  private static void add(List<Example> examples, String label, String text) {
    if (!text.isBlank() && Vocabulary.LABELS.contains(label)) {
      examples.add(new Example(label, text));
    }
  }
}

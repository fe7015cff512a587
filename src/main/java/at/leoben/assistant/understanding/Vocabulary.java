package at.leoben.assistant.understanding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The city's vocabulary ({@code understanding/vocabulary.txt}, lines {@code label | pattern}):
 * words and patterns of a personal situation per intent, and {@code not:label} look-alikes that
 * cancel that label's vocabulary hit ("Reisepass gestohlen" is a passport question, not a crime
 * report), and {@code maybe:crisis} words that count only where the classifier reads neither the
 * message nor their sentence as clearly ordinary ("verzweifelt" about a bin nobody empties). A
 * file, not code, so another city tunes it without a build.
 */
final class Vocabulary {

  static final Set<String> LABELS =
      Set.of(
          "crisis", "health", "social-benefits", "asylum-residence", "child-welfare", "criminal-police",
          "legal-advice", "person", "misuse", "smalltalk", "ordinary");

  private final Map<String, List<VocabularyPattern>> patterns = new LinkedHashMap<>();
  private final Map<String, List<VocabularyPattern>> lookAlikes = new LinkedHashMap<>();
  private final Map<String, List<VocabularyPattern>> maybes = new LinkedHashMap<>();

  Vocabulary(List<String> lines) {
    for (String line : lines) {
      String[] parts = line.split("\\|", 2);
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new IllegalStateException("understanding vocabulary needs 'label | pattern': " + line);
      }
      String label = parts[0].strip();
      int colon = label.indexOf(':');
      String key = label.substring(colon + 1);
      Map<String, List<VocabularyPattern>> target =
          colon < 0
              ? patterns
              : switch (label.substring(0, colon)) {
                case "not" -> lookAlikes;
                case "maybe" -> maybes;
                default -> null;
              };
      if (target == null || !LABELS.contains(key)) {
        throw new IllegalStateException("unknown label in understanding vocabulary: " + label);
      }
      if (target == maybes && !key.equals("crisis")) {
        throw new IllegalStateException("maybe: is read for crisis only, not " + label);
      }
      target.computeIfAbsent(key, k -> new ArrayList<>()).add(new VocabularyPattern(parts[1]));
    }
  }

  /** The labels whose patterns match the words and whose look-alikes do not. */
  List<String> labels(List<String> words) {
    List<String> found = new ArrayList<>();
    patterns.forEach(
        (label, list) -> {
          if (list.stream().anyMatch(p -> p.matches(words)) && !isLookAlike(label, words)) {
            found.add(label);
          }
        });
    return found;
  }

  /** Whether a {@code maybe:label} word is there (and no look-alike): the label where the classifier lets it be. */
  boolean maybe(String label, List<String> words) {
    return maybes.getOrDefault(label, List.of()).stream().anyMatch(p -> p.matches(words)) && !isLookAlike(label, words);
  }

  boolean isLookAlike(String label, List<String> words) {
    return lookAlikes.getOrDefault(label, List.of()).stream().anyMatch(p -> p.matches(words));
  }

  /** The patterns of one label that match (for the evaluator's explanations). */
  List<String> matching(String label, List<String> words) {
    return patterns.getOrDefault(label, List.of()).stream().filter(p -> p.matches(words)).map(VocabularyPattern::source).toList();
  }
}

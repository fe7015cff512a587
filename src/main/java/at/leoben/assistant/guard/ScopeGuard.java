package at.leoben.assistant.guard;

import at.leoben.assistant.resources.TextResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the assistant out of the areas the city's AI strategy excludes. Terms per area come from
 * {@code guard/areas.txt} ({@code area | term}); crises are checked first because they need the
 * emergency numbers at once.
 */
@ApplicationScoped
class ScopeGuard {

  static final String CRISIS_LANGUAGES = "guard/crisis-languages.txt";

  private final Map<SensitiveArea, List<TermMatcher>> terms = new EnumMap<>(SensitiveArea.class);

  /** With the shipped term list. */
  ScopeGuard() {
    this(TextResources.lines("guard/areas.txt"));
  }

  @Inject
  ScopeGuard(HandOverConfig config) {
    this(config.termsFile().map(TextResources::lines).orElseGet(() -> TextResources.lines("guard/areas.txt")));
  }

  private ScopeGuard(List<String> lines) {
    // The crisis wordings of the other languages come on top of any term list (README, Languages).
    List<String> all = new ArrayList<>(lines);
    all.addAll(TextResources.lines(CRISIS_LANGUAGES));
    for (String line : all) {
      String[] parts = line.split("\\|", 2);
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new IllegalStateException("guard/areas.txt needs 'area | term': " + line);
      }
      terms.computeIfAbsent(SensitiveArea.ofKey(parts[0].strip()), area -> new ArrayList<>())
          .add(new TermMatcher(parts[1]));
    }
  }

  Optional<SensitiveArea> areaOf(List<String> foldedWords) {
    for (SensitiveArea area : SensitiveArea.values()) {
      if (area == SensitiveArea.CRISIS && matches(area, foldedWords)) {
        return Optional.of(area);
      }
    }
    for (SensitiveArea area : SensitiveArea.values()) {
      if (matches(area, foldedWords)) {
        return Optional.of(area);
      }
    }
    return Optional.empty();
  }

  /** The crisis terms alone: a second reader for the one verdict that must never be missed. */
  boolean crisis(List<String> foldedWords) {
    return matches(SensitiveArea.CRISIS, foldedWords);
  }

  private boolean matches(SensitiveArea area, List<String> words) {
    return terms.getOrDefault(area, List.of()).stream().anyMatch(term -> term.matches(words));
  }
}

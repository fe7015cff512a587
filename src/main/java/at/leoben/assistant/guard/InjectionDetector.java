package at.leoben.assistant.guard;

import at.leoben.assistant.resources.TextResources;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Attempts to override the assistant's rules, to reveal its instructions, role-play jailbreaks,
 * and requests for long content unrelated to the city ({@code guard/injection.txt}).
 */
@ApplicationScoped
class InjectionDetector {

  private final List<Pattern> patterns;

  InjectionDetector() {
    this.patterns =
        TextResources.lines("guard/injection.txt").stream()
            .map(line -> Pattern.compile(line, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();
  }

  boolean isMisuse(String folded) {
    return patterns.stream().anyMatch(pattern -> pattern.matcher(folded).find());
  }
}

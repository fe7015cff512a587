package at.leoben.assistant.guard;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The checks before the model, in order of what matters most to the citizen: a crisis or another
 * sensitive area, then a request for a person, then misuse.
 */
@ApplicationScoped
public class InputGuard {

  private final ScopeGuard scope;
  private final HumanRequestDetector humanRequests;
  private final InjectionDetector injections;

  InputGuard(ScopeGuard scope, HumanRequestDetector humanRequests, InjectionDetector injections) {
    this.scope = scope;
    this.humanRequests = humanRequests;
    this.injections = injections;
  }

  public InputVerdict check(String message) {
    String folded = TextFold.fold(message);
    List<String> words = TextFold.words(folded);
    Optional<SensitiveArea> area = scope.areaOf(words);
    if (area.isPresent()) {
      return new InputVerdict.Sensitive(area.get());
    }
    if (humanRequests.matches(folded)) {
      return new InputVerdict.HumanRequested();
    }
    if (injections.isMisuse(folded)) {
      return new InputVerdict.Misuse();
    }
    return new InputVerdict.Pass();
  }

  /**
   * Text for the knowledge base screened like a citizen's input: does it read like instructions to
   * the model ("ignore all previous instructions …")? Such text is data, never a command, but an
   * editor should see it before it goes live.
   */
  public boolean readsLikeInstructions(String text) {
    return injections.isMisuse(TextFold.fold(text));
  }
}

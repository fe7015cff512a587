package at.leoben.assistant.guard;

import at.leoben.assistant.understanding.Intent;
import at.leoben.assistant.understanding.Reading;
import at.leoben.assistant.understanding.SafetyNet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The checks before the model, in order of what matters most to the citizen: a crisis, another
 * sensitive area, a request for a person, misuse, small talk. The understanding's safety net
 * (vocabulary + classifier) reads the message; the guard's own precise lists add what they catch:
 * crisis terms, requests for a person and injection patterns. Its other area terms are not used
 * for hand-overs any more: they sent stolen passports to the police (issue 16).
 */
@ApplicationScoped
public class InputGuard {

  private final SafetyNet net;
  private final ScopeGuard scope;
  private final HumanRequestDetector humanRequests;
  private final InjectionDetector injections;

  InputGuard(SafetyNet net, ScopeGuard scope, HumanRequestDetector humanRequests, InjectionDetector injections) {
    this.net = net;
    this.scope = scope;
    this.humanRequests = humanRequests;
    this.injections = injections;
  }

  public InputVerdict check(String message) {
    return verdict(message, net.read(message));
  }

  /** The verdict, given the safety net's reading of the same message. */
  InputVerdict verdict(String message, Reading reading) {
    String folded = TextFold.fold(message);
    List<String> words = TextFold.words(folded);
    Intent intent = reading.intent();
    // The guard's older lists are second readers; the vocabulary's look-alikes hold for them too
    // ("ich kenne mich nicht mehr aus mit dem Mülltrennen", "Brauche ich einen Termin?").
    // Its crisis terms name a thing as often as a crisis ("Flohmarkt zugunsten des Frauenhauses"):
    // the classifier says which, as for the vocabulary's maybe:crisis words.
    if (intent instanceof Intent.Crisis
        || (scope.crisis(words)
            && !net.looksLike("crisis", message)
            && net.meansCrisis(message, sentence -> scope.crisis(TextFold.words(TextFold.fold(sentence)))))) {
      return new InputVerdict.Sensitive(SensitiveArea.CRISIS);
    }
    if (intent instanceof Intent.Misuse) {
      return new InputVerdict.Misuse();
    }
    if (intent instanceof Intent.Sensitive sensitive) {
      return new InputVerdict.Sensitive(SensitiveArea.ofKey(sensitive.area()));
    }
    if (intent instanceof Intent.Person || (humanRequests.matches(folded) && !net.looksLike("person", message))) {
      return new InputVerdict.HumanRequested();
    }
    if (injections.isMisuse(folded)) {
      return new InputVerdict.Misuse();
    }
    if (intent instanceof Intent.SmallTalk) {
      return new InputVerdict.SmallTalk();
    }
    return new InputVerdict.Pass();
  }

  /** The area a message would be handed over to, if any (for callers that need only that). */
  public Optional<SensitiveArea> area(String message) {
    return check(message) instanceof InputVerdict.Sensitive sensitive ? Optional.of(sensitive.area()) : Optional.empty();
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

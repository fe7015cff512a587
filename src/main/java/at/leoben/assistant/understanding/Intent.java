package at.leoben.assistant.understanding;

/** What a citizen's message is, as the safety net reads it (a closed set). */
public sealed interface Intent {

  /** A question for the city's knowledge. */
  record Ordinary() implements Intent {}

  /** Self-harm, violence at home, extortion, despair: the crisis lines first, over everything else. */
  record Crisis() implements Intent {}

  /** A sensitive area (the key of the guard's areas, e.g. {@code health}): a human office answers. */
  record Sensitive(String area) implements Intent {}

  /** The citizen asks for a person. */
  record Person() implements Intent {}

  /** Injection, hate against people or groups, voting advice, private data of persons. */
  record Misuse() implements Intent {}

  /** Greetings, thanks, "wer bist du": answered kindly by the service itself. */
  record SmallTalk() implements Intent {}

  /** The label used in the corpus and the vocabulary for this intent. */
  public static String label(Intent intent) {
    if (intent instanceof Sensitive sensitive) {
      return sensitive.area();
    }
    if (intent instanceof Crisis) {
      return "crisis";
    }
    if (intent instanceof Person) {
      return "person";
    }
    if (intent instanceof Misuse) {
      return "misuse";
    }
    return intent instanceof SmallTalk ? "smalltalk" : "ordinary";
  }
}

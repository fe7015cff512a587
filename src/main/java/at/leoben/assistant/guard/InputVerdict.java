package at.leoben.assistant.guard;

/** What the input guard decided about a citizen's message, before any model call. */
public sealed interface InputVerdict {

  /** Nothing stands in the way of an answer from the city's knowledge. */
  record Pass() implements InputVerdict {}

  /** The citizen asked for a person. */
  record HumanRequested() implements InputVerdict {}

  /** A sensitive area: a human office answers, never the model. */
  record Sensitive(SensitiveArea area) implements InputVerdict {}

  /** An attempt to manipulate the assistant or to use it for something else. */
  record Misuse() implements InputVerdict {}

  /** Greetings, thanks, "wer bist du": the service answers kindly itself, without the model. */
  record SmallTalk() implements InputVerdict {}
}

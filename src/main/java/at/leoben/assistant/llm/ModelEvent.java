package at.leoben.assistant.llm;

/** What a model stream emits: tokens as they come, then the complete answer. */
public sealed interface ModelEvent {

  /** A piece of undisclosed model output; only the {@code disclosure} package may read it. */
  record Token(String text) implements ModelEvent {}

  record Completed(ModelOutput output) implements ModelEvent {}
}

package at.leoben.assistant.llm;

/** One earlier message of a conversation, as the model sees it on a follow-up turn. */
public record PromptTurn(Speaker speaker, String text) {

  public enum Speaker {
    CITIZEN,
    ASSISTANT
  }
}

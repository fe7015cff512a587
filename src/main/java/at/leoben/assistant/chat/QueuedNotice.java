package at.leoben.assistant.chat;

/**
 * The {@code queued} event: the citizen's place in line for the model (1 is next), the estimated
 * wait, and both said in the citizen's language.
 */
public record QueuedNotice(int position, long estimatedWaitSeconds, String text) {}

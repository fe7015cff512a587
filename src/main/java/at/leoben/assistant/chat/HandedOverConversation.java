package at.leoben.assistant.chat;

import java.util.List;
import java.util.UUID;

/**
 * What a hand-over takes from a conversation: the citizen's last question, why the assistant
 * handed over (reason and sensitive area of its last reply), and the conversation as lines for the
 * office, AI answers marked as such.
 */
public record HandedOverConversation(
    UUID conversationId,
    byte[] tokenHash,
    String language,
    String question,
    ReplyReason reason,
    String area,
    List<Line> lines) {

  public HandedOverConversation {
    lines = List.copyOf(lines);
  }

  /** One message: who wrote it, whether a model made it, and its text as the citizen saw it. */
  public record Line(String author, boolean aiGenerated, String text) {}
}

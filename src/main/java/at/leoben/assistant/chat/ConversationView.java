package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.fallback.AnalogueChannel;
import at.leoben.assistant.review.ReplyReviewStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation as its citizen sees it again (GET with the token). */
public record ConversationView(
    UUID conversationId,
    String language,
    Instant createdAt,
    List<MessageView> messages,
    List<AnalogueChannel> analogueChannels) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MessageView(
      UUID messageId,
      String author,
      ReplyKind kind,
      ReplyReason reason,
      String text,
      Disclosure disclosure,
      List<Source> sources,
      ReplyReviewStatus reviewStatus,
      String reviewNote,
      Instant createdAt) {
    public MessageView {
      if (kind == ReplyKind.AI_GENERATED && disclosure == null) {
        throw new IllegalArgumentException("an AI answer needs its KI-generiert disclosure");
      }
    }
  }
}

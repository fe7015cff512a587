package at.leoben.assistant.review;

import at.leoben.assistant.disclosure.Provenance;
import at.leoben.assistant.disclosure.ReplyKind;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the review needs from the conversations, implemented by the chat: reading replies and
 * conversations for the clerk, and applying a decision to the reply the citizen sees. Declared
 * here so that the review does not depend on the chat that feeds it.
 */
public interface ReviewedConversations {

  /** Stored replies by id; unknown ids are left out. */
  Map<UUID, Reply> replies(Collection<UUID> messageIds);

  /** The whole conversation, oldest message first; empty when it was erased. */
  List<ConversationMessage> conversation(UUID conversationId);

  /** Shows the decision to the citizen: the status, and the corrected text for a correction. */
  void applyDecision(UUID messageId, ReviewStatus status, String correctedText, String reviewerRole, Instant at);

  /**
   * A reply as stored. {@code provenance} is null when no part of it came from a model;
   * {@code plainLanguage}: the citizen asked for it in plain language.
   */
  record Reply(
      UUID messageId,
      UUID conversationId,
      ReplyKind kind,
      String reason,
      String text,
      String questionKey,
      String sourcesJson,
      @JsonUnwrapped Provenance provenance,
      boolean plainLanguage) {

    public boolean isModelMade() {
      return provenance != null && provenance.model() != null;
    }
  }

  record ConversationMessage(
      UUID messageId,
      String author,
      ReplyKind kind,
      String reason,
      String text,
      String correctedText,
      ReplyReviewStatus reviewStatus,
      List<SourceLink> sources,
      Instant createdAt) {}

  record SourceLink(String title, String url) {}
}

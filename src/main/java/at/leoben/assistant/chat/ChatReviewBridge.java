package at.leoben.assistant.chat;

import at.leoben.assistant.review.ReplyReviewStatus;
import at.leoben.assistant.review.ReviewStatus;
import at.leoben.assistant.review.ReviewedConversations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The conversations as the review sees them, and where a clerk's decision reaches the citizen. */
@ApplicationScoped
class ChatReviewBridge implements ReviewedConversations {

  private final SourcesJson sourcesJson;

  ChatReviewBridge(SourcesJson sourcesJson) {
    this.sourcesJson = sourcesJson;
  }

  @Override
  @Transactional
  public Map<UUID, Reply> replies(Collection<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    return Message.<Message>list("id in ?1 and author = ?2", messageIds, Message.Author.ASSISTANT).stream()
        .map(ChatReviewBridge::reply)
        .collect(Collectors.toMap(Reply::messageId, Function.identity()));
  }

  @Override
  @Transactional
  public List<ConversationMessage> conversation(UUID conversationId) {
    return Message.<Message>list("conversationId = ?1 order by position", conversationId).stream()
        .map(
            m ->
                new ConversationMessage(
                    m.id,
                    m.author.name(),
                    m.kind,
                    m.reason == null ? null : m.reason.name(),
                    m.content,
                    m.correctedText,
                    m.reviewStatus,
                    sourcesJson.read(m.sources).stream().map(s -> new SourceLink(s.title(), s.url())).toList(),
                    m.createdAt))
        .toList();
  }

  @Override
  @Transactional(TxType.MANDATORY)
  public void applyDecision(
      UUID messageId, ReviewStatus status, String correctedText, String reviewerRole, Instant at) {
    Message message = Message.findById(messageId);
    if (message == null) {
      return; // erased by the citizen meanwhile: nothing left to show
    }
    message.reviewStatus = ReplyReviewStatus.of(status);
    message.correctedText = correctedText;
    message.reviewedRole = reviewerRole;
    message.reviewedAt = at;
  }

  private static Reply reply(Message m) {
    return new Reply(
        m.id,
        m.conversationId,
        m.kind,
        m.reason == null ? null : m.reason.name(),
        m.content,
        m.questionKey,
        m.sources,
        m.provenance,
        m.plainLanguage);
  }
}

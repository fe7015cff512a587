package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.fallback.AnalogueChannel;
import at.leoben.assistant.notice.PublicNotice;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.review.ApprovedAnswers;
import at.leoben.assistant.review.ReplyReviewStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The reply object of the citizen API. An AI answer cannot be built without its disclosure, and
 * a fallback cannot claim one. {@code language}: the language the reply is written in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatReply(
    UUID conversationId,
    String conversationToken,
    UUID messageId,
    ReplyKind kind,
    ReplyReason reason,
    String area,
    String answer,
    Disclosure disclosure,
    List<Source> sources,
    List<AnalogueChannel> analogueChannels,
    ReplyReviewStatus reviewStatus,
    PublicNotice notice,
    Language language) {

  public ChatReply {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(answer, "answer");
    if (kind == ReplyKind.AI_GENERATED && disclosure == null) {
      throw new IllegalArgumentException("an AI answer needs its KI-generiert disclosure");
    }
    if ((kind == ReplyKind.FALLBACK || kind == ReplyKind.KNOWLEDGE_EXCERPT) && disclosure != null) {
      throw new IllegalArgumentException("a fallback or excerpt must not claim to be AI-generated");
    }
    if (kind != ReplyKind.AI_GENERATED && reason == null) {
      throw new IllegalArgumentException("a reply that is not an AI answer says why");
    }
    sources = List.copyOf(sources);
    analogueChannels = List.copyOf(analogueChannels);
  }

  static ChatReply ai(
      ConversationRef conversation,
      UUID messageId,
      DisclosedAnswer answer,
      List<Source> sources,
      List<AnalogueChannel> channels) {
    return new ChatReply(
        conversation.id(),
        conversation.token(),
        messageId,
        ReplyKind.AI_GENERATED,
        null,
        null,
        answer.text(),
        answer.disclosure(),
        sources,
        channels,
        ReplyReviewStatus.NOT_REVIEWED,
        null,
        conversation.language());
  }

  /**
   * An answer a clerk approved or corrected, given again without a model call. It keeps its
   * KI-generiert disclosure exactly when a model wrote it; one a clerk wrote has none.
   */
  static ChatReply approved(
      ConversationRef conversation,
      UUID messageId,
      ApprovedAnswers.InForce answer,
      Disclosure disclosure,
      List<Source> sources,
      List<AnalogueChannel> channels) {
    if (answer.isModelMade() != (disclosure != null)) {
      throw new IllegalArgumentException("an approved answer is labelled KI-generiert exactly when a model wrote it");
    }
    return new ChatReply(
        conversation.id(),
        conversation.token(),
        messageId,
        ReplyKind.HUMAN_APPROVED,
        ReplyReason.APPROVED_ANSWER,
        null,
        answer.text(),
        disclosure,
        sources,
        channels,
        ReplyReviewStatus.of(answer.decision()),
        null,
        conversation.language());
  }

  /** The city's own text, shown as it is when the model cannot answer. Not AI-made. */
  static ChatReply excerpt(
      ConversationRef conversation,
      UUID messageId,
      ReplyReason reason,
      String text,
      List<Source> sources,
      List<AnalogueChannel> channels) {
    return new ChatReply(
        conversation.id(),
        conversation.token(),
        messageId,
        ReplyKind.KNOWLEDGE_EXCERPT,
        reason,
        null,
        text,
        null,
        sources,
        channels,
        null,
        null,
        conversation.language());
  }

  static ChatReply fallback(
      ConversationRef conversation,
      UUID messageId,
      ReplyReason reason,
      String area,
      String text,
      List<AnalogueChannel> channels) {
    return new ChatReply(
        conversation.id(),
        conversation.token(),
        messageId,
        ReplyKind.FALLBACK,
        reason,
        area,
        text,
        null,
        List.of(),
        channels,
        null,
        null,
        conversation.language());
  }

  /** The same reply carrying the notice in force (written by staff, not AI-made); null: none. */
  ChatReply withNotice(PublicNotice notice) {
    return new ChatReply(
        conversationId, conversationToken, messageId, kind, reason, area, answer, disclosure, sources, analogueChannels, reviewStatus, notice, language);
  }
}

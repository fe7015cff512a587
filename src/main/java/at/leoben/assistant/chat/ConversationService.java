package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.fallback.ChannelDirectory;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Showing and erasing a stored conversation. */
@ApplicationScoped
class ConversationService {

  /** A conversation view and, when it holds AI answers, the header for the latest of them. */
  record Shown(ConversationView view, Optional<String> disclosureHeader) {}

  private final ConversationStore store;
  private final Disclosures disclosures;
  private final ChannelDirectory channels;
  private final SourcesJson sourcesJson;
  private final Texts texts;

  ConversationService(
      ConversationStore store,
      Disclosures disclosures,
      ChannelDirectory channels,
      SourcesJson sourcesJson,
      Texts texts) {
    this.store = store;
    this.disclosures = disclosures;
    this.channels = channels;
    this.sourcesJson = sourcesJson;
    this.texts = texts;
  }

  Shown show(String id, String token) {
    ConversationStore.StoredConversation stored = store.load(id, token);
    Language language = Language.fromCode(stored.conversation().language);
    List<ConversationView.MessageView> messages =
        stored.messages().stream().map(message -> view(message, language)).toList();
    Optional<String> header =
        messages.stream()
            .map(ConversationView.MessageView::disclosure)
            .filter(disclosure -> disclosure != null)
            .reduce((first, second) -> second)
            .map(disclosures::header);
    ConversationView view =
        new ConversationView(
            stored.conversation().id,
            language.code(),
            stored.conversation().createdAt,
            messages,
            channels.channels(language));
    return new Shown(view, header);
  }

  void erase(String id, String token) {
    store.erase(id, token);
  }

  private ConversationView.MessageView view(Message message, Language language) {
    Disclosure disclosure =
        message.provenance == null ? null : disclosures.restore(message.provenance, language);
    if (disclosure != null && confirmedByStaff(message)) {
      disclosure = disclosures.reviewed(disclosure, message.reviewedRole, language);
    }
    return new ConversationView.MessageView(
        message.id,
        message.author.name(),
        message.kind,
        message.reason,
        message.shownText(),
        disclosure,
        message.sources == null ? null : sourcesJson.read(message.sources),
        message.reviewStatus,
        reviewNote(message, language),
        message.createdAt);
  }

  private static boolean confirmedByStaff(Message message) {
    return message.reviewedRole != null && message.reviewStatus != null && message.reviewStatus.isConfirmed();
  }

  /** What a clerk's decision means, in the citizen's words; null when no one has decided. */
  private String reviewNote(Message message, Language language) {
    if (message.kind == ReplyKind.HUMAN_APPROVED && message.provenance == null) {
      return texts.get(language, "review.note.staff-answer");
    }
    if (message.reviewStatus == null) {
      return null;
    }
    return switch (message.reviewStatus) {
      case APPROVED -> texts.get(language, "review.note.approved");
      case CORRECTED -> texts.get(language, "review.note.corrected");
      case REJECTED -> texts.get(language, "review.note.rejected");
      case NOT_REVIEWED -> null;
    };
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.disclosure.Responsible;
import at.leoben.assistant.fallback.ChannelDirectory;
import at.leoben.assistant.i18n.Language;
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

  ConversationService(
      ConversationStore store, Disclosures disclosures, ChannelDirectory channels, SourcesJson sourcesJson) {
    this.store = store;
    this.disclosures = disclosures;
    this.channels = channels;
    this.sourcesJson = sourcesJson;
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
        message.model == null
            ? null
            : disclosures.restore(
                message.model,
                new Responsible(message.responsibleName, message.responsibleRole, message.responsibleContact),
                message.generatedAt,
                language);
    return new ConversationView.MessageView(
        message.id,
        message.author.name(),
        message.kind,
        message.reason,
        message.content,
        disclosure,
        message.sources == null ? null : sourcesJson.read(message.sources),
        message.reviewStatus,
        message.createdAt);
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The door other rooms (cases) use to a citizen's conversation: only with its token, checked
 * exactly as the conversation's own endpoints check it (404, 401, 403).
 */
@ApplicationScoped
public class ConversationAccess {

  private final ConversationStore store;

  ConversationAccess(ConversationStore store) {
    this.store = store;
  }

  /** The conversation for a hand-over; refused when it has no question yet. */
  @Transactional
  public HandedOverConversation forHandover(String conversationId, String token) {
    ConversationStore.StoredConversation stored = store.load(conversationId, token);
    List<Message> messages = stored.messages();
    Message question = null;
    Message lastReply = null;
    for (Message message : messages) {
      if (message.author == Message.Author.CITIZEN) {
        question = message;
      } else {
        lastReply = message;
      }
    }
    if (question == null) {
      throw ProblemException.badRequest("problem.case.no-question");
    }
    List<HandedOverConversation.Line> lines =
        messages.stream()
            .map(m -> new HandedOverConversation.Line(m.author.name(), m.provenance != null && m.provenance.model() != null, m.shownText()))
            .toList();
    return new HandedOverConversation(
        stored.conversation().id,
        stored.conversation().tokenHash,
        stored.conversation().language,
        question.content,
        lastReply == null ? null : lastReply.reason,
        lastReply == null ? null : lastReply.area,
        lines);
  }
}

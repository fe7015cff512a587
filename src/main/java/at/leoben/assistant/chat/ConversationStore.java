package at.leoben.assistant.chat;

import at.leoben.assistant.audit.AuditRecord;
import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.disclosure.Provenance;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.llm.PromptTurn;
import at.leoben.assistant.privacy.Redactor;
import at.leoben.assistant.review.Flags;
import at.leoben.assistant.review.ReplyReviewStatus;
import at.leoben.assistant.understanding.FollowUp;
import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Conversations and their messages in PostgreSQL; every reply is stored with its audit entry. */
@ApplicationScoped
class ConversationStore {

  private static final int EXPIRE_BATCH = 500;

  private final AuditTrail audit;
  private final Flags flags;
  private final Clock clock;
  private final SourcesJson sourcesJson;
  private final Redactor redactor;
  private final int historyMessages;

  ConversationStore(
      AuditTrail audit, Flags flags, Clock clock, SourcesJson sourcesJson, Redactor redactor, ChatConfig config) {
    this.audit = audit;
    this.flags = flags;
    this.clock = clock;
    this.sourcesJson = sourcesJson;
    this.redactor = redactor;
    this.historyMessages = config.historyMessages();
  }

  /** A new conversation (not stored before its first reply) or an existing one with its history. */
  @Transactional
  ConversationRef open(String conversationId, String token, Language requested) {
    if (conversationId == null) {
      Language language = requested == null ? Language.DE : requested;
      return new ConversationRef(UUID.randomUUID(), ConversationTokens.newToken(), true, language, List.of());
    }
    Conversation conversation = authorized(conversationId, token);
    Language language = requested == null ? Language.fromCode(conversation.language) : requested;
    return new ConversationRef(conversation.id, token, false, language, history(conversation.id), previous(conversation.id));
  }

  /** Stores question, reply and audit entry in one transaction; all or nothing. */
  @Transactional(TxType.REQUIRES_NEW)
  void record(TurnRecord turn) {
    ConversationRef ref = turn.conversation();
    Instant now = Instant.now(clock);
    Conversation conversation;
    if (ref.isNew()) {
      conversation = new Conversation();
      conversation.id = ref.id();
      conversation.tokenHash = ConversationTokens.hash(ref.token());
      conversation.language = ref.language().code();
      conversation.createdAt = now;
    } else {
      // Serialises turns of one conversation, so message positions stay gapless and unique.
      conversation = Conversation.findById(ref.id(), LockModeType.PESSIMISTIC_WRITE);
      if (conversation == null) {
        throw new ProblemException(
            Status.NOT_FOUND, "problem.conversation.not-found.title", "problem.conversation.not-found");
      }
    }
    Message question = message(conversation, Message.Author.CITIZEN, turn.question(), now);
    question.id = UUID.randomUUID();

    // An AI answer is delivered as written but kept without personal data it may repeat.
    String storedReply = turn.disclosure() != null ? redactor.redact(turn.replyText()) : turn.replyText();
    Message reply = message(conversation, Message.Author.ASSISTANT, storedReply, now);
    reply.id = turn.replyId();
    reply.kind = turn.kind();
    reply.reason = turn.reason();
    reply.questionKey = turn.questionKey();
    reply.area = turn.area();
    reply.plainLanguage = turn.plainLanguage();
    reply.sources = turn.sources().isEmpty() ? null : sourcesJson.write(turn.sources());
    reply.provenance = turn.disclosure() == null ? null : Provenance.of(turn.disclosure());
    reply.reviewStatus = turn.reviewStatus();
    reply.reviewedRole = turn.reviewedRole();
    conversation.updatedAt = now;
    if (ref.isNew()) {
      // Inserted with its final message count: no second statement to update it.
      conversation.persist();
    }
    question.persist();
    reply.persist();

    audit.recordTurn(
        new AuditRecord(
            conversation.id,
            reply.id,
            turn.kind().name(),
            turn.reason() == null ? null : turn.reason().name(),
            turn.question(),
            storedReply,
            turn.disclosure() == null ? null : turn.disclosure().model(),
            turn.usage() == null ? null : turn.usage().promptVersion(),
            turn.usage() == null ? null : turn.usage().latencyMillis(),
            turn.usage() == null ? null : turn.usage().inputTokens(),
            turn.usage() == null ? null : turn.usage().outputTokens(),
            turn.failure(),
            turn.reusedFrom(),
            turn.area()));
    if (!turn.flags().isEmpty()) {
      flags.raise(conversation.id, reply.id, turn.flags());
    }
  }

  /**
   * The audit entry of a streamed AI answer, written on its own before the answer's first word is
   * sent; {@link #record} completes it at the end. Throws when it cannot be written.
   */
  @Transactional(TxType.REQUIRES_NEW)
  void recordStart(ConversationRef conversation, UUID replyId, String question, String model) {
    audit.recordTurnStarted(conversation.id(), replyId, question, model);
  }

  /** An earlier AI answer to the same first question, generated after {@code notBefore}. */
  @Transactional
  Optional<Reusable> findReusable(String questionKey, Instant notBefore) {
    return Message.<Message>find(
            // Never repeat an answer a clerk rejected or had to correct.
            "questionKey = ?1 and kind = ?2 and provenance.generatedAt >= ?3 and reviewStatus not in ?4"
                + " order by provenance.generatedAt desc",
            questionKey,
            ReplyKind.AI_GENERATED,
            notBefore,
            List.of(ReplyReviewStatus.REJECTED, ReplyReviewStatus.CORRECTED))
        .firstResultOptional()
        .map(
            message ->
                new Reusable(message.id, message.content, message.provenance, sourcesJson.read(message.sources)));
  }

  /** A stored AI answer with what its disclosure needs. */
  record Reusable(UUID messageId, String text, Provenance provenance, List<Source> sources) {}

  @Transactional
  StoredConversation load(String conversationId, String token) {
    Conversation conversation = authorized(conversationId, token);
    List<Message> messages = Message.list("conversationId = ?1 order by position", conversation.id);
    return new StoredConversation(conversation, messages);
  }

  @Transactional
  void erase(String conversationId, String token) {
    Conversation conversation = authorized(conversationId, token);
    flags.forget(conversation.id);
    Message.delete("conversationId", conversation.id);
    conversation.delete();
    audit.recordErasure(conversation.id);
  }

  record StoredConversation(Conversation conversation, List<Message> messages) {}

  /**
   * Deletes conversations untouched since {@code before}, with their messages, review items and
   * feedback; their audit entries keep the content until the audit's own retention.
   */
  @Transactional
  int expire(Instant before) {
    List<UUID> expired =
        Conversation.<Conversation>find("updatedAt < ?1", before).page(0, EXPIRE_BATCH).stream()
            .map(conversation -> conversation.id)
            .toList();
    for (UUID id : expired) {
      flags.forget(id);
    }
    if (!expired.isEmpty()) {
      Message.delete("conversationId in ?1", expired);
      Conversation.delete("id in ?1", expired);
      audit.recordRetention("CONVERSATIONS", expired.size());
    }
    return expired.size();
  }

  private Message message(Conversation conversation, Message.Author author, String content, Instant now) {
    Message message = new Message();
    message.conversationId = conversation.id;
    message.position = conversation.messageCount++;
    message.author = author;
    message.content = content;
    message.createdAt = now;
    return message;
  }

  /**
   * The most recent questions and AI answers, oldest first, for the model's memory. A question that
   * was handed over (sensitive area, crisis) or refused as misuse is left out with its reply: what
   * went to people never goes to the model, not even as history.
   */
  private List<PromptTurn> history(UUID conversationId) {
    List<Message> recent =
        Message.<Message>find("conversationId = ?1 order by position desc", conversationId)
            .page(0, historyMessages * 2)
            .list();
    Set<Integer> withheld = new HashSet<>();
    for (Message message : recent) {
      if (message.author == Message.Author.ASSISTANT
          && (message.reason == ReplyReason.SENSITIVE_AREA || message.reason == ReplyReason.MISUSE)) {
        withheld.add(message.position - 1);
      }
    }
    List<PromptTurn> turns = new ArrayList<>();
    for (Message message : recent) {
      if (turns.size() == historyMessages) {
        break;
      }
      boolean citizen = message.author == Message.Author.CITIZEN;
      boolean modelMemory = message.kind == ReplyKind.AI_GENERATED || message.kind == ReplyKind.HUMAN_APPROVED;
      if ((citizen && withheld.contains(message.position)) || (!citizen && !modelMemory)) {
        continue;
      }
      if (message.reviewStatus == ReplyReviewStatus.REJECTED) {
        continue; // a clerk found it wrong: the model must not build on it
      }
      turns.add(
          new PromptTurn(
              citizen ? PromptTurn.Speaker.CITIZEN : PromptTurn.Speaker.ASSISTANT,
              message.shownText()));
    }
    Collections.reverse(turns);
    return turns;
  }

  /**
   * A follow-up of a follow-up ("Wo gebe ich Gefundenes ab?" → "und wann hat es offen?" → "und am
   * Samstag?") has its topic in the last full question: this many questions back at most.
   */
  private static final int FOLLOW_UP_CHAIN = 3;

  /**
   * The last question of the conversation (after the questions it follows up, while it is a
   * follow-up itself) and whether its reply handed it over to people.
   */
  private ConversationRef.Previous previous(UUID conversationId) {
    List<Message> last = Message.<Message>find("conversationId = ?1 order by position desc", conversationId).page(0, 2).list();
    Message question = last.stream().filter(m -> m.author == Message.Author.CITIZEN).findFirst().orElse(null);
    if (question == null) {
      return null;
    }
    String area =
        last.stream()
            .filter(m -> m.author == Message.Author.ASSISTANT && m.reason == ReplyReason.SENSITIVE_AREA)
            .map(m -> m.area)
            .findFirst()
            .orElse(null);
    List<Message> questions =
        Message.<Message>find(
                "conversationId = ?1 and author = ?2 and position <= ?3 order by position desc",
                conversationId,
                Message.Author.CITIZEN,
                question.position)
            .page(0, FOLLOW_UP_CHAIN)
            .list();
    String chain = question.content;
    for (int i = 1; i < questions.size() && FollowUp.isElliptical(questions.get(i - 1).content); i++) {
      chain = FollowUp.withPrevious(questions.get(i).content, chain);
    }
    return new ConversationRef.Previous(chain, area);
  }

  private Conversation authorized(String conversationId, String token) {
    UUID id;
    try {
      id = UUID.fromString(conversationId);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("problem.conversation.id-invalid");
    }
    Conversation conversation = Conversation.findById(id);
    if (conversation == null) {
      throw new ProblemException(
          Status.NOT_FOUND, "problem.conversation.not-found.title", "problem.conversation.not-found");
    }
    if (token == null || token.isBlank()) {
      throw new ProblemException(
          Status.UNAUTHORIZED, "problem.conversation.token-missing.title", "problem.conversation.token-missing");
    }
    if (!ConversationTokens.matches(token, conversation.tokenHash)) {
      throw new ProblemException(
          Status.FORBIDDEN, "problem.conversation.token-wrong.title", "problem.conversation.token-wrong");
    }
    return conversation;
  }
}

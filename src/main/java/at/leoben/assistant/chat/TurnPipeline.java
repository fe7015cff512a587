package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.notice.AiChannel;
import at.leoben.assistant.notice.Notices;
import at.leoben.assistant.notice.PublicNotice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A citizen's turn, one way through: {@link TurnService} checks the question and plans the reply,
 * the {@link TurnService.Plan} names the reply it ends in, and this class runs it as events (the
 * model's answer through {@link SharedAnswers} and {@link ModelAnswers}, every other reply made and stored by {@link
 * TurnReplies}). Streamed and JSON replies are the same events; JSON waits for the last.
 */
@ApplicationScoped
class TurnPipeline {

  private final TurnService turns;
  private final TurnReplies replies;
  private final SharedAnswers sharedAnswers;
  private final Disclosures disclosures;
  private final Notices notices;

  TurnPipeline(
      TurnService turns, TurnReplies replies, SharedAnswers sharedAnswers, Disclosures disclosures, Notices notices) {
    this.turns = turns;
    this.replies = replies;
    this.sharedAnswers = sharedAnswers;
    this.disclosures = disclosures;
    this.notices = notices;
  }

  /** Checks and plans a citizen's request (throws problem details), then starts its reply. */
  StartedTurn start(ChatRequest request, String headerToken, AiChannel channel, Delivery delivery) {
    TurnService.Prepared prepared = turns.prepare(request, headerToken, channel);
    return start(prepared.turn(), prepared.plan(), delivery);
  }

  /** Starts a planned turn; its reply carries the notice in force in the conversation's language. */
  StartedTurn start(TurnService.Turn turn, TurnService.Plan plan, Delivery delivery) {
    Optional<PublicNotice> notice = notices.current(turn.conversation().language().code());
    Multi<StreamEvent> events = plan.events(turn, new Run(delivery));
    return new StartedTurn(
        plan.labelled().map(disclosures::header),
        notice.map(n -> events.map(event -> withNotice(event, n))).orElse(events));
  }

  /** The steps a {@link TurnService.Plan} makes its reply of, for one turn. */
  final class Run {
    private final Delivery delivery;

    private Run(Delivery delivery) {
      this.delivery = delivery;
    }

    /** The model's answer, behind the line for its slots, shared with identical first questions. */
    Multi<StreamEvent> askModel(TurnService.Turn turn, TurnService.AskModel ask) {
      return sharedAnswers.events(turn, ask, this);
    }

    Delivery delivery() {
      return delivery;
    }

    /** One of the city's own replies (hand-over, refusal, excerpt): stored when possible, sent regardless. */
    Multi<StreamEvent> cityText(Function<TurnReplies, ChatReply> reply) {
      return blocking(() -> List.of(new StreamEvent.Fallback(reply.apply(replies))));
    }

    /**
     * An answer written before (reused, or approved by a clerk), sent only once stored and audited:
     * whole in one delta, or, with {@code disclosure} null (written by staff), whole in {@code done}.
     */
    Multi<StreamEvent> stored(
        TurnService.Turn turn, Function<TurnReplies, Optional<ChatReply>> store, Disclosure disclosure) {
      return blocking(
          () ->
              store.apply(replies)
                  .map(reply -> storedEvents(reply, disclosure))
                  .orElseGet(() -> List.of(new StreamEvent.Fallback(replies.auditFailed(turn)))));
    }
  }

  private static List<StreamEvent> storedEvents(ChatReply reply, Disclosure disclosure) {
    List<StreamEvent> events = new ArrayList<>();
    if (disclosure != null) {
      events.add(new StreamEvent.DisclosureEvent(disclosure));
      events.add(new StreamEvent.Delta(new DisclosedDelta(reply.answer(), disclosure)));
    }
    events.addAll(StreamEvent.answered(reply));
    return events;
  }

  /** Storing blocks: off the caller's (event-loop) thread. */
  private static Multi<StreamEvent> blocking(Supplier<List<StreamEvent>> events) {
    return Multi.createFrom()
        .item(events)
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToIterable(list -> list);
  }

  /** The reply at the end ({@code done} or {@code fallback}) carries the notice too. */
  private static StreamEvent withNotice(StreamEvent event, PublicNotice notice) {
    return event instanceof StreamEvent.Ending ending ? ending.with(ending.reply().withNotice(notice)) : event;
  }
}

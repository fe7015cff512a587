package at.leoben.assistant.chat;

import at.leoben.assistant.admission.Admission;
import at.leoben.assistant.disclosure.DisclosedAnswer;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.guard.OutputScreen;
import at.leoben.assistant.llm.ModelEvent;
import at.leoben.assistant.llm.ModelGateway;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The model's answer to a turn, as events: in line for one of the model's slots ({@code queued}),
 * then the answer through the output screen ({@code disclosure}, {@code delta}s, {@code sources},
 * {@code done}), or a {@code fallback} in place of whatever had not been sent yet. Streamed, the
 * answer goes out sentence by sentence; {@link Delivery#WHOLE}, the model is asked without
 * streaming and the same steps run once on the whole answer.
 */
@ApplicationScoped
class ModelAnswers {

  private final Admission admission;
  private final ModelGateway model;
  private final OutputScreen outputScreen;
  private final Disclosures disclosures;
  private final TurnReplies replies;
  private final HoldBack holdBack;

  ModelAnswers(
      Admission admission,
      ModelGateway model,
      OutputScreen outputScreen,
      Disclosures disclosures,
      TurnReplies replies,
      ChatConfig config) {
    this.admission = admission;
    this.model = model;
    this.outputScreen = outputScreen;
    outputScreen.knowPrompt(model.systemPrompt());
    model.plainLanguageInstructions().forEach(outputScreen::knowPrompt);
    this.disclosures = disclosures;
    this.replies = replies;
    this.holdBack = new HoldBack(config.streamHoldBackChars(), config.streamHoldBackTime());
  }

  /** The model's answer to {@code turn}, as {@code delivery} needs it. */
  Multi<StreamEvent> events(TurnService.Turn turn, TurnService.AskModel ask, Delivery delivery) {
    return switch (delivery) {
      case WHOLE -> whole(turn, ask);
      case STREAMED -> streamed(turn, ask);
    };
  }

  /**
   * Asked without streaming, in line for one of the model's slots first (at most the configured
   * wait, then the excerpt). Nothing goes out before the answer is stored and audited, so no audit
   * entry is opened first.
   */
  private Multi<StreamEvent> whole(TurnService.Turn turn, TurnService.AskModel ask) {
    Multi<ModelEvent> answer =
        Multi.createFrom()
            .item(() -> admission.call(lineKey(turn), () -> model.answer(Grounding.request(turn, ask.passages()))))
            .<ModelEvent>map(ModelEvent.Completed::new)
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    return relayed(turn, ask, UUID.randomUUID(), answer);
  }

  /** Waits in line for a slot of the model (queued events), relays the answer once admitted. */
  private Multi<StreamEvent> streamed(TurnService.Turn turn, TurnService.AskModel ask) {
    return admission.stream(
        lineKey(turn),
        place -> new StreamEvent.Queued(replies.queued(turn, place)),
        () -> audited(turn, ask),
        event -> event instanceof StreamEvent.Fallback,
        event -> event instanceof StreamEvent.Delta || event instanceof StreamEvent.Ending,
        busy ->
            Multi.createFrom()
                .<StreamEvent>item(() -> new StreamEvent.Fallback(replies.excerpt(turn, ask.passages(), busy)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
  }

  /**
   * One model answer on its way to the citizen. Tokens and the hold-back timer both
   * release text through the screen; {@link #pass} sends it in order, and the first ending (done,
   * withheld, model failure) is the only one. Every stored outcome is stored under {@code replyId}
   * (completing the audit entry a streamed answer opened for it).
   */
  private final class Relay {
    private final TurnService.Turn turn;
    private final TurnService.AskModel ask;
    private final UUID replyId;
    private final Multi<ModelEvent> answer;
    private final MultiEmitter<? super StreamEvent> emitter;
    private final ScreenedStream screened;
    private final AtomicReference<Cancellable> upstream = new AtomicReference<>();
    private boolean timerSet; // guarded by this
    private boolean ended; // guarded by this

    Relay(
        TurnService.Turn turn,
        TurnService.AskModel ask,
        UUID replyId,
        Multi<ModelEvent> answer,
        MultiEmitter<? super StreamEvent> emitter) {
      this.turn = turn;
      this.ask = ask;
      this.replyId = replyId;
      this.answer = answer;
      this.emitter = emitter;
      this.screened = new ScreenedStream(outputScreen, ask.disclosure(), holdBack);
    }

    void start() {
      upstream.set(
          answer
              .subscribe()
              .with(this::onEvent, failure -> offload(() -> failed(failure))));
      emitter.onTermination(this::stop);
    }

    /** The stream ended or the citizen left: nothing more to send, and the model can stop. */
    private void stop() {
      synchronized (this) {
        ended = true;
      }
      cancel();
    }

    private void onEvent(ModelEvent event) {
      if (event instanceof ModelEvent.Token token) {
        pass(() -> screened.add(disclosures.disclose(token, ask.disclosure())));
      } else if (event instanceof ModelEvent.Completed completed) {
        DisclosedAnswer answer = disclosures.disclose(completed.output(), ask.disclosure());
        offload(() -> completed(answer));
      }
    }

    private synchronized void pass(Supplier<ScreenedStream.Step> next) {
      if (ended) {
        return;
      }
      ScreenedStream.Step step = next.get();
      step.events().forEach(emitter::emit);
      if (step.withheld()) {
        // Cut off before the citizen sees the rest; the clerk gets what was written.
        ended = true;
        cancel();
        offload(this::withheld);
        return;
      }
      if (!timerSet) {
        screened.untilDue().ifPresent(this::wake);
      }
    }

    /** Held-back text goes out when it is due even if the model writes nothing more meanwhile. */
    private void wake(Duration after) {
      timerSet = true;
      Infrastructure.getDefaultWorkerPool()
          .schedule(
              () -> {
                synchronized (this) {
                  timerSet = false;
                }
                pass(screened::tick);
              },
              after.toNanos(),
              TimeUnit.NANOSECONDS);
    }

    private void completed(DisclosedAnswer answer) {
      ScreenedStream.Step rest;
      synchronized (this) {
        if (ended) {
          return;
        }
        ended = true;
        rest = screened.complete(answer.text());
        rest.events().forEach(emitter::emit);
      }
      if (rest.withheld()) {
        withheld();
        return;
      }
      List<Source> sources = Grounding.sources(ask.passages(), answer.text());
      replies
          .storeAi(turn, replyId, answer, sources, null, Screening.flags(screened.findings(), null))
          .map(StreamEvent::answered)
          .orElseGet(() -> List.of(new StreamEvent.Fallback(replies.auditFailed(turn, replyId))))
          .forEach(emitter::emit);
      emitter.complete();
    }

    private void withheld() {
      emitter.emit(new StreamEvent.Fallback(replies.withheld(turn, replyId, screened.written(), screened.findings())));
      emitter.complete();
    }

    private void failed(Throwable failure) {
      synchronized (this) {
        if (ended) {
          return;
        }
        ended = true;
      }
      emitter.emit(new StreamEvent.Fallback(replies.excerpt(turn, replyId, ask.passages(), failure)));
      emitter.complete();
    }

    private void cancel() {
      Optional.ofNullable(upstream.get()).ifPresent(Cancellable::cancel);
    }
  }

  /**
   * The audit entry naming the responsible human is written before the model is even asked: no
   * model text reaches a citizen without one.
   */
  private Multi<StreamEvent> audited(TurnService.Turn turn, TurnService.AskModel ask) {
    return Uni.createFrom()
        .item(() -> replies.start(turn, ask.disclosure().model()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .onItem()
        .transformToMulti(
            replyId ->
                replyId
                    .map(id -> relayed(turn, ask, id, model.stream(Grounding.request(turn, ask.passages()))))
                    .orElseGet(() -> Multi.createFrom().item(new StreamEvent.Fallback(replies.auditFailed(turn)))));
  }

  private Multi<StreamEvent> relayed(
      TurnService.Turn turn, TurnService.AskModel ask, UUID replyId, Multi<ModelEvent> answer) {
    return Multi.createFrom().emitter(emitter -> new Relay(turn, ask, replyId, answer, emitter).start());
  }

  /** One place in line per conversation. */
  private static String lineKey(TurnService.Turn turn) {
    return turn.conversation().id().toString();
  }

  /** Storing blocks: leave the model client's thread. */
  private static void offload(Runnable work) {
    Infrastructure.getDefaultWorkerPool().execute(work);
  }
}

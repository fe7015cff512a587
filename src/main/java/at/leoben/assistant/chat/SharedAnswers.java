package at.leoben.assistant.chat;

import at.leoben.assistant.admission.Admission;
import at.leoben.assistant.admission.ModelBusy;
import at.leoben.assistant.admission.Place;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.disclosure.Provenance;
import at.leoben.assistant.disclosure.ReplyKind;
import at.leoben.assistant.knowledge.KnowledgeConfig;
import at.leoben.assistant.llm.ModelUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answer sharing under load (issue 21): a first question asked again while the model is still
 * writing the answer to it waits for that answer instead of asking the model a second time; a
 * crowd after a news item asks the same thing. Identical means the same {@link QuestionKey}
 * (words, language, plain language). The follower gets the leader's stored answer the way a
 * reused answer is given (KI-generiert, the same model and time, {@code reused_from} in the
 * audit), streamed as one delta. It waits at most {@code assistant.llm.max-queue-wait}, then gets
 * the city's excerpt, as in the line for the model. When the model could not answer the leader
 * (busy, unavailable), the followers get the excerpt at once too: asking a failing model again
 * would only add to its load. When the leader has no answer to share for any other reason (its
 * citizen left and the generation was cancelled, the answer was withheld, the audit failed), each
 * follower asks for itself, the first of them as the new leader. Part of answer reuse: off when
 * {@code assistant.knowledge.reuse-window} is 0.
 */
@ApplicationScoped
class SharedAnswers {

  /** How a flight ended, as its followers see it. */
  sealed interface Outcome {}

  record Answered(ConversationStore.Reusable answer) implements Outcome {}

  /** The model could not answer: the followers get the excerpt the leader got, for the same reason. */
  record Failed(Throwable cause) implements Outcome {}

  /** Nothing to share: each follower asks for itself. */
  record Abandoned() implements Outcome {}

  private final ConcurrentHashMap<String, CompletableFuture<Outcome>> flights = new ConcurrentHashMap<>();
  private final ModelAnswers modelAnswers;
  private final TurnReplies replies;
  private final Disclosures disclosures;
  private final Admission admission;
  private final boolean enabled;
  private final MeterRegistry meters;

  SharedAnswers(
      ModelAnswers modelAnswers,
      TurnReplies replies,
      Disclosures disclosures,
      Admission admission,
      KnowledgeConfig knowledge,
      MeterRegistry meters) {
    this.modelAnswers = modelAnswers;
    this.replies = replies;
    this.disclosures = disclosures;
    this.admission = admission;
    this.enabled = !knowledge.reuseWindow().isZero();
    this.meters = meters;
  }

  /**
   * The model's answer to {@code ask} as events, shared with identical first questions; a
   * follower is told at once that it waits.
   */
  Multi<StreamEvent> events(TurnService.Turn turn, TurnService.AskModel ask, TurnPipeline.Run run) {
    if (!shared(turn)) {
      return modelAnswers.events(turn, ask, run.delivery());
    }
    return Multi.createFrom()
        .deferred(
            () -> {
              CompletableFuture<Outcome> mine = new CompletableFuture<>();
              CompletableFuture<Outcome> leading = flights.putIfAbsent(turn.questionKey(), mine);
              return leading == null ? led(turn, ask, run, mine) : followed(turn, ask, run, leading);
            });
  }

  private Multi<StreamEvent> led(
      TurnService.Turn turn, TurnService.AskModel ask, TurnPipeline.Run run, CompletableFuture<Outcome> mine) {
    return modelAnswers.events(turn, ask, run.delivery())
        .onItem()
        .invoke(
            event -> {
              // Landed as soon as the answer is stored, before the stream's last event is sent.
              if (event instanceof StreamEvent.Ending ending) {
                land(turn, mine, outcome(ending.reply()));
              }
            })
        // Failed, cancelled (the citizen left) or ended without a reply: nothing to share.
        .onTermination()
        .invoke(() -> land(turn, mine, new Abandoned()));
  }

  private Multi<StreamEvent> followed(
      TurnService.Turn turn, TurnService.AskModel ask, TurnPipeline.Run run, CompletableFuture<Outcome> leading) {
    Duration maxWait = admission.maxWait();
    // Not Uni.createFrom().completionStage: a follower who leaves would cancel the others' future.
    Multi<StreamEvent> answer =
        Uni.createFrom()
            .<Outcome>emitter(
                emitter ->
                    leading.whenComplete(
                        (outcome, failure) -> emitter.complete(outcome == null ? new Abandoned() : outcome)))
            .ifNoItem()
            .after(maxWait)
            .recoverWithItem(this::tooLong)
            .onItem()
            .transformToMulti(outcome -> afterLeader(turn, ask, run, outcome));
    if (leading.isDone()) {
      return answer;
    }
    // Told right away, like a citizen in line: the answer is being written for someone else.
    Place next = new Place(1, admission.generationEstimate());
    return Multi.createBy()
        .concatenating()
        .streams(Multi.createFrom().item(() -> new StreamEvent.Queued(replies.queued(turn, next))), answer);
  }

  private Multi<StreamEvent> afterLeader(
      TurnService.Turn turn, TurnService.AskModel ask, TurnPipeline.Run run, Outcome outcome) {
    count(outcome);
    if (outcome instanceof Answered answered) {
      return reuse(turn, answered).events(turn, run);
    }
    if (outcome instanceof Failed failed) {
      return run.cityText(city -> city.excerpt(turn, ask.passages(), failed.cause()));
    }
    return events(turn, ask, run);
  }

  /** Only first questions have a key: a follow-up depends on what was said before. */
  private boolean shared(TurnService.Turn turn) {
    return enabled && turn.questionKey() != null;
  }

  /** Ends a flight once: later identical questions ask the model, or reuse the stored answer. */
  private void land(TurnService.Turn turn, CompletableFuture<Outcome> flight, Outcome outcome) {
    if (!flight.isDone()) {
      flights.remove(turn.questionKey(), flight);
      flight.complete(outcome);
    }
  }

  private static Outcome outcome(ChatReply reply) {
    if (reply.kind() == ReplyKind.AI_GENERATED) {
      return new Answered(
          new ConversationStore.Reusable(
              reply.messageId(), reply.answer(), Provenance.of(reply.disclosure()), reply.sources()));
    }
    if (reply.reason() == ReplyReason.MODEL_BUSY) {
      return new Failed(new ModelBusy(ModelBusy.Why.ESTIMATE_TOO_LONG, Duration.ZERO));
    }
    if (reply.reason() == ReplyReason.MODEL_UNAVAILABLE) {
      return new Failed(new ModelUnavailable(ModelUnavailable.Failure.ERROR, "the identical question just asked got no answer"));
    }
    return new Abandoned();
  }

  private Outcome tooLong() {
    return new Failed(new ModelBusy(ModelBusy.Why.WAITED_TOO_LONG, admission.maxWait()));
  }

  private TurnService.Reuse reuse(TurnService.Turn turn, Answered answered) {
    Disclosure disclosure = disclosures.restore(answered.answer().provenance(), turn.conversation().language());
    return new TurnService.Reuse(answered.answer(), disclosure);
  }

  private void count(Outcome outcome) {
    meters
        .counter("assistant.answers.shared", "outcome", outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT))
        .increment();
  }
}

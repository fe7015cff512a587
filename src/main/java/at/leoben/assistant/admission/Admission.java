package at.leoben.assistant.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Admission control in front of the model: at most {@code assistant.llm.parallel} generations at
 * once, the rest in a fair line bounded by {@code assistant.llm.max-queue-wait}. Waiting is not a
 * model failure: it happens before the model gateway and its circuit breaker see the call, and its
 * time does not count against the model's own time bounds. Started with the service, so that its
 * gauges are exported before the first turn.
 */
@Startup
@ApplicationScoped
public class Admission {

  private final FairQueue queue;
  private final Duration maxWait;
  private final Timer waits;
  private final MeterRegistry meters;

  Admission(AdmissionConfig config, MeterRegistry meters) {
    this.queue =
        new FairQueue(config.parallel(), config.maxQueueWait(), config.generationEstimate(), System::nanoTime);
    this.maxWait = config.maxQueueWait();
    this.meters = meters;
    this.waits =
        Timer.builder("assistant.llm.queue.wait")
            .description("Time citizens waited in line for a slot of the model host")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(meters);
    Gauge.builder("assistant.llm.queue.waiting", queue, FairQueue::waitingCount)
        .description("Citizens waiting in line for the model")
        .register(meters);
    Gauge.builder("assistant.llm.slots.busy", queue, FairQueue::runningCount)
        .description("Generations the service has sent to the model host and not yet finished")
        .register(meters);
    Gauge.builder("assistant.llm.generation.estimate.seconds", queue, q -> q.averageGeneration().toMillis() / 1000.0)
        .description("The measured generation time the queue's estimates are based on")
        .register(meters);
  }

  /** The measured time of one generation (the configured guess until the first was measured). */
  public Duration generationEstimate() {
    return queue.averageGeneration();
  }

  /** How long a citizen may wait for the model (ASSISTANT_LLM_MAX_QUEUE_WAIT). */
  public Duration maxWait() {
    return maxWait;
  }

  /**
   * Runs {@code work} (a blocking model call) once a slot is free, waiting at most the bound;
   * throws {@link ModelBusy} instead when the wait would be, or became, too long.
   */
  public <T> T call(String owner, Supplier<T> work) {
    long entered = System.nanoTime();
    FairQueue.Ticket ticket = enter(owner, place -> {});
    FairQueue.Slot slot;
    try {
      // The queue expires the ticket at the bound; the extra second only guards against a lost wake-up.
      slot = ticket.admitted().get(maxWait.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw busy(e.getCause());
    } catch (TimeoutException e) {
      ticket.leave();
      throw refused(new ModelBusy(ModelBusy.Why.WAITED_TOO_LONG, maxWait));
    } catch (InterruptedException e) {
      ticket.leave();
      Thread.currentThread().interrupt();
      throw refused(new ModelBusy(ModelBusy.Why.WAITED_TOO_LONG, maxWait));
    }
    waits.record(Duration.ofNanos(System.nanoTime() - entered));
    boolean finished = false;
    try {
      T result = work.get();
      finished = true;
      return result;
    } finally {
      slot.release(finished);
    }
  }

  /**
   * Runs {@code work} on a slot only if one is free and nobody is waiting; empty otherwise. Under
   * load the work is skipped rather than taking a slot an answer is waiting for.
   */
  public <T> Optional<T> callIfIdle(Supplier<T> work) {
    Optional<FairQueue.Slot> slot = queue.idleSlot();
    if (slot.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      slot.get().release(false);
    }
  }

  /**
   * A streamed generation behind the line: {@code queued} items while waiting (at once and whenever
   * the place changes), then the items of {@code work}, subscribed only once a slot is free; or the
   * items of {@code busy} when no slot came within the bound. A subscriber who cancels leaves the
   * line, or ends the generation and frees its slot. Only a generation none of whose items is
   * {@code failed} teaches the estimate: a model that fails fast says nothing about the next wait.
   * The first {@code visible} item (text, or the fallback) teaches how long a slot takes to show
   * something, which the time in line leaves room for.
   */
  public <T> Multi<T> stream(
      String owner,
      Function<Place, T> queued,
      Supplier<Multi<T>> work,
      Predicate<T> failed,
      Predicate<T> visible,
      Function<ModelBusy, Multi<T>> busy) {
    return Multi.createFrom()
        .emitter(
            emitter -> {
              long entered = System.nanoTime();
              AtomicBoolean gone = new AtomicBoolean();
              AtomicReference<Cancellable> running = new AtomicReference<>();
              FairQueue.Ticket ticket = enter(owner, place -> emitter.emit(queued.apply(place)));
              emitter.onTermination(
                  () -> {
                    gone.set(true);
                    ticket.leave();
                    Cancellable started = running.get();
                    if (started != null) {
                      started.cancel();
                    }
                  });
              ticket.place().ifPresent(place -> emitter.emit(queued.apply(place)));
              ticket
                  .admitted()
                  .whenComplete(
                      (slot, failure) -> {
                        if (gone.get()) {
                          if (slot != null) {
                            slot.release(false);
                          }
                          return;
                        }
                        if (failure != null) {
                          running.set(busy.apply(busy(failure)).subscribe().with(emitter::emit, emitter::fail, emitter::complete));
                          return;
                        }
                        long admittedAt = System.nanoTime();
                        waits.record(Duration.ofNanos(admittedAt - entered));
                        AtomicBoolean measured = new AtomicBoolean(true);
                        AtomicBoolean shown = new AtomicBoolean();
                        running.set(
                            work.get()
                                .subscribe()
                                .with(
                                    item -> {
                                      if (failed.test(item)) {
                                        measured.set(false);
                                      }
                                      if (visible.test(item) && shown.compareAndSet(false, true)) {
                                        queue.learnFirstText(Duration.ofNanos(System.nanoTime() - admittedAt));
                                      }
                                      emitter.emit(item);
                                    },
                                    error -> {
                                      slot.release(false);
                                      emitter.fail(error);
                                    },
                                    () -> {
                                      slot.release(measured.get());
                                      emitter.complete();
                                    }));
                        if (gone.get()) {
                          // Cancelled while the work was being subscribed: stop it now.
                          running.get().cancel();
                        }
                      });
            });
  }

  private FairQueue.Ticket enter(String owner, java.util.function.Consumer<Place> moved) {
    FairQueue.Ticket ticket = queue.enter(owner, moved);
    if (ticket.place().isPresent()) {
      ScheduledFuture<?> deadline =
          Infrastructure.getDefaultWorkerPool()
              .schedule(() -> queue.expire(ticket), queue.lineBound().toMillis(), TimeUnit.MILLISECONDS);
      ticket.admitted().whenComplete((slot, failure) -> deadline.cancel(false));
    }
    return ticket;
  }

  private ModelBusy busy(Throwable failure) {
    if (failure instanceof ModelBusy busy) {
      return refused(busy);
    }
    // Only ModelBusy completes a ticket exceptionally.
    throw new IllegalStateException("unexpected end of a place in line", failure);
  }

  private ModelBusy refused(ModelBusy busy) {
    Counter.builder("assistant.llm.queue.refused")
        .description("Citizens served the excerpt and the human channels because the model was busy")
        .tag("why", busy.why().name())
        .register(meters)
        .increment();
    return busy;
  }
}

package at.leoben.assistant.admission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The model host's slots and the line in front of them: first come, first served, one place per
 * conversation, nobody let in line whose estimated wait exceeds the bound. The estimate comes from
 * the measured generation time and when the running generations started. The bound is the
 * citizen's whole wait for text: the time in line is the maximum less the measured time from a slot
 * to the first visible text (at most half the maximum), so that the first sentence, or the excerpt,
 * comes within the maximum and not after it. Callbacks (admission,
 * refusal, moved places) run outside the lock, so that a caller reacting to them may re-enter.
 */
final class FairQueue {

  /** Weight of the newest measured generation in the running average. */
  private static final double WEIGHT = 0.2;

  private enum State {
    WAITING,
    ADMITTED,
    ENDED
  }

  /** One citizen's turn in line; {@link #admitted()} completes with a slot or fails {@link ModelBusy}. */
  final class Ticket {
    private final String owner;
    private final Consumer<Place> moved;
    private final CompletableFuture<Slot> admitted = new CompletableFuture<>();
    private State state;
    private Place place;
    private Slot slot;

    private Ticket(String owner, Consumer<Place> moved) {
      this.owner = owner;
      this.moved = moved;
    }

    CompletableFuture<Slot> admitted() {
      return admitted;
    }

    /** The place when it entered the line; empty when admitted or refused at once. */
    Optional<Place> place() {
      synchronized (FairQueue.this) {
        return state == State.WAITING ? Optional.of(place) : Optional.empty();
      }
    }

    /** The citizen went away: out of the line, or the slot freed. Safe to call more than once. */
    void leave() {
      FairQueue.this.leave(this);
    }
  }

  /** A generation the model host is running; released exactly once. */
  final class Slot {
    private final long startedNanos;
    private boolean released;

    private Slot(long startedNanos) {
      this.startedNanos = startedNanos;
    }

    /** {@code measured}: the generation ran to its end, so its time teaches the estimate. */
    void release(boolean measured) {
      FairQueue.this.release(this, measured);
    }
  }

  private final int slots;
  private final Duration maxWait;
  private final LongSupplier nanoTime;
  private final List<Ticket> waiting = new ArrayList<>();
  private final List<Slot> running = new ArrayList<>();
  private final Map<String, Ticket> waitingByOwner = new HashMap<>();
  private double averageNanos;
  private boolean measured;
  private double firstTextNanos;
  private boolean firstTextMeasured;

  FairQueue(int slots, Duration maxWait, Duration initialEstimate, LongSupplier nanoTime) {
    if (slots < 1) {
      throw new IllegalArgumentException("the model host needs at least one slot, not " + slots);
    }
    this.slots = slots;
    this.maxWait = maxWait;
    this.nanoTime = nanoTime;
    this.averageNanos = initialEstimate.toNanos();
  }

  /** Joins the line for {@code owner} (a conversation); {@code moved} hears of later places. */
  Ticket enter(String owner, Consumer<Place> moved) {
    List<Runnable> after = new ArrayList<>();
    Ticket ticket = new Ticket(owner, moved);
    synchronized (this) {
      Ticket earlier = waitingByOwner.get(owner);
      if (earlier != null) {
        // The same conversation asks again (a reload, a second click): the new turn takes the place.
        earlier.state = State.ENDED;
        after.add(() -> earlier.admitted.completeExceptionally(new ModelBusy(ModelBusy.Why.SUPERSEDED, Duration.ZERO)));
        int index = waiting.indexOf(earlier);
        waiting.set(index, ticket);
        waitingByOwner.put(owner, ticket);
        ticket.state = State.WAITING;
        ticket.place = new Place(index + 1, waits(index + 1).get(index));
      } else if (running.size() < slots) {
        admit(ticket, after);
      } else {
        Duration estimate = waits(waiting.size() + 1).get(waiting.size());
        if (estimate.compareTo(lineBound()) > 0) {
          ticket.state = State.ENDED;
          after.add(() -> ticket.admitted.completeExceptionally(new ModelBusy(ModelBusy.Why.ESTIMATE_TOO_LONG, estimate)));
        } else {
          waiting.add(ticket);
          waitingByOwner.put(owner, ticket);
          ticket.state = State.WAITING;
          ticket.place = new Place(waiting.size(), estimate);
        }
      }
    }
    after.forEach(Runnable::run);
    return ticket;
  }

  /**
   * A slot now, only when one is free and nobody waits: for work that must never keep a citizen
   * from an answer (the model's reading of a message). It is not measured for the estimate.
   */
  synchronized Optional<Slot> idleSlot() {
    if (running.size() >= slots || !waiting.isEmpty()) {
      return Optional.empty();
    }
    Slot slot = new Slot(nanoTime.getAsLong());
    running.add(slot);
    return Optional.of(slot);
  }

  /** The ticket's time in line is up: it leaves with {@link ModelBusy.Why#WAITED_TOO_LONG}. */
  void expire(Ticket ticket) {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      if (ticket.state != State.WAITING) {
        return;
      }
      remove(ticket);
      after.add(() -> ticket.admitted.completeExceptionally(new ModelBusy(ModelBusy.Why.WAITED_TOO_LONG, maxWait)));
      reposition(after);
    }
    after.forEach(Runnable::run);
  }

  synchronized int waitingCount() {
    return waiting.size();
  }

  synchronized int runningCount() {
    return running.size();
  }

  synchronized Duration averageGeneration() {
    return Duration.ofNanos((long) averageNanos);
  }

  /** How long a citizen may wait in line: the maximum less the time a slot takes to show text. */
  synchronized Duration lineBound() {
    return maxWait.minus(Duration.ofNanos((long) Math.min(firstTextNanos, maxWait.toNanos() / 2.0)));
  }

  /** A generation showed its first text (or its fallback) {@code after} its slot was given. */
  synchronized void learnFirstText(Duration after) {
    long nanos = after.toNanos();
    firstTextNanos = firstTextMeasured ? (1 - WEIGHT) * firstTextNanos + WEIGHT * nanos : nanos;
    firstTextMeasured = true;
  }

  private void leave(Ticket ticket) {
    Slot slot;
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      if (ticket.state == State.WAITING) {
        remove(ticket);
        reposition(after);
      }
      slot = ticket.state == State.ADMITTED ? ticket.slot : null;
      ticket.state = State.ENDED;
    }
    after.forEach(Runnable::run);
    if (slot != null) {
      slot.release(false);
    }
  }

  private void release(Slot slot, boolean measure) {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      if (slot.released) {
        return;
      }
      slot.released = true;
      running.remove(slot);
      if (measure) {
        learn(nanoTime.getAsLong() - slot.startedNanos);
      }
      while (running.size() < slots && !waiting.isEmpty()) {
        Ticket next = waiting.remove(0);
        waitingByOwner.remove(next.owner, next);
        admit(next, after);
      }
      reposition(after);
    }
    after.forEach(Runnable::run);
  }

  private void learn(long nanos) {
    // The configured guess gives way to the first real measurement entirely.
    averageNanos = measured ? (1 - WEIGHT) * averageNanos + WEIGHT * nanos : nanos;
    measured = true;
  }

  private void admit(Ticket ticket, List<Runnable> after) {
    Slot slot = new Slot(nanoTime.getAsLong());
    running.add(slot);
    ticket.state = State.ADMITTED;
    ticket.slot = slot;
    after.add(() -> ticket.admitted.complete(slot));
  }

  private void remove(Ticket ticket) {
    waiting.remove(ticket);
    waitingByOwner.remove(ticket.owner, ticket);
    ticket.state = State.ENDED;
  }

  /** Tells every waiting citizen whose place or estimate (in whole seconds) changed. */
  private void reposition(List<Runnable> after) {
    List<Duration> waits = waits(waiting.size());
    for (int i = 0; i < waiting.size(); i++) {
      Ticket ticket = waiting.get(i);
      Place place = new Place(i + 1, waits.get(i));
      if (place.position() != ticket.place.position()
          || place.estimatedWaitSeconds() != ticket.place.estimatedWaitSeconds()) {
        ticket.place = place;
        after.add(() -> notify(ticket, place));
      }
    }
  }

  private static void notify(Ticket ticket, Place place) {
    try {
      ticket.moved.accept(place);
    } catch (RuntimeException e) {
      // A citizen's stream that cannot take the notice any more must not hold up the others.
    }
  }

  /**
   * The estimated waits of the first {@code count} places: each slot frees when its generation,
   * started at a known time, has run the average; then the next in line runs the average there.
   */
  private List<Duration> waits(int count) {
    long now = nanoTime.getAsLong();
    long average = (long) averageNanos;
    PriorityQueue<Long> free = new PriorityQueue<>();
    for (Slot slot : running) {
      free.add(Math.max(0, average - (now - slot.startedNanos)));
    }
    while (free.size() < slots) {
      free.add(0L);
    }
    List<Duration> waits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long at = free.remove();
      waits.add(Duration.ofNanos(at));
      free.add(at + average);
    }
    return waits;
  }
}

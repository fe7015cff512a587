package at.leoben.assistant.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The line in front of the model: order, bound, one place per conversation, leaving. */
class FairQueueTest {

  private final AtomicLong now = new AtomicLong();
  // Two slots, 8 s at most in line, 2 s a generation until measured otherwise.
  private final FairQueue queue = new FairQueue(2, Duration.ofSeconds(8), Duration.ofSeconds(2), now::get);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void admitsUpToTheSlotsAtOnceThenQueuesFirstComeFirstServed() {
    FairQueue.Ticket a = queue.enter("a", place -> {});
    FairQueue.Ticket b = queue.enter("b", place -> {});
    FairQueue.Ticket c = queue.enter("c", place -> {});
    FairQueue.Ticket d = queue.enter("d", place -> {});
    assertThat(a.admitted()).isCompleted();
    assertThat(b.admitted()).isCompleted();
    assertThat(c.admitted()).isNotDone();
    assertThat(c.place()).hasValue(new Place(1, Duration.ofSeconds(2)));
    assertThat(d.place()).hasValue(new Place(2, Duration.ofSeconds(2)));

    b.admitted().join().release(true);
    assertThat(c.admitted()).isCompleted();
    assertThat(d.admitted()).isNotDone();
    a.admitted().join().release(true);
    assertThat(d.admitted()).isCompleted();
    assertThat(queue.runningCount()).isEqualTo(2);
    assertThat(queue.waitingCount()).isZero();
  }

  @Test
  void tellsWaitingCitizensWhenTheyMoveUp() {
    FairQueue.Ticket a = queue.enter("a", place -> {});
    advance(Duration.ofMillis(500));
    queue.enter("b", place -> {});
    List<Place> seen = new ArrayList<>();
    queue.enter("c", place -> {});
    queue.enter("d", seen::add);
    assertThat(seen).isEmpty();
    advance(Duration.ofSeconds(1));
    a.admitted().join().release(true);
    // The measured 1.5 s replaces the guess of 2 s; c runs, d is next, b's generation is 1 s in.
    assertThat(seen).containsExactly(new Place(1, Duration.ofMillis(500)));
  }

  @Test
  void refusesAtOnceWhoseEstimatedWaitExceedsTheBound() {
    List<FairQueue.Ticket> admitted = new ArrayList<>();
    for (int i = 0; i < 2 + 8; i++) {
      // 2 running, 8 waiting: the 8th waits 4 rounds of 2 s = 8 s, just within the bound.
      admitted.add(queue.enter("c" + i, place -> {}));
    }
    assertThat(admitted.get(9).place()).hasValue(new Place(8, Duration.ofSeconds(8)));
    FairQueue.Ticket late = queue.enter("late", place -> {});
    assertThat(late.place()).isEmpty();
    assertThat(late.admitted()).isCompletedExceptionally();
    assertThat(failure(late.admitted()).why()).isEqualTo(ModelBusy.Why.ESTIMATE_TOO_LONG);
    assertThat(failure(late.admitted()).estimatedWait()).isEqualTo(Duration.ofSeconds(10));
    assertThat(queue.waitingCount()).isEqualTo(8);
  }

  @Test
  void theLineLeavesRoomForTheFirstTextWithinTheBound() {
    assertThat(queue.lineBound()).isEqualTo(Duration.ofSeconds(8));
    // A slot takes 2 s to show its first sentence: at most 6 s in line, so text comes within 8 s.
    queue.learnFirstText(Duration.ofSeconds(2));
    assertThat(queue.lineBound()).isEqualTo(Duration.ofSeconds(6));
    List<FairQueue.Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 2 + 6; i++) {
      // 2 running, 6 waiting: the 6th waits 3 rounds of 2 s = 6 s, just within the line's bound.
      tickets.add(queue.enter("c" + i, place -> {}));
    }
    assertThat(tickets.get(7).place()).hasValue(new Place(6, Duration.ofSeconds(6)));
    FairQueue.Ticket late = queue.enter("late", place -> {});
    assertThat(failure(late.admitted()).why()).isEqualTo(ModelBusy.Why.ESTIMATE_TOO_LONG);
    // A model that is slow to show anything never takes more than half the citizen's wait.
    queue.learnFirstText(Duration.ofSeconds(60));
    assertThat(queue.lineBound()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aCitizenWhoLeavesTheLineNeverReachesTheModel() {
    FairQueue.Ticket a = queue.enter("a", place -> {});
    queue.enter("b", place -> {});
    FairQueue.Ticket c = queue.enter("c", place -> {});
    List<Place> seen = new ArrayList<>();
    FairQueue.Ticket d = queue.enter("d", seen::add);
    c.leave();
    assertThat(seen).extracting(Place::position).containsExactly(1);
    a.admitted().join().release(true);
    assertThat(d.admitted()).isCompleted();
    assertThat(c.admitted()).isNotDone();
  }

  @Test
  void aCitizenWhoLeavesDuringTheGenerationFreesTheSlotForTheNext() {
    FairQueue.Ticket a = queue.enter("a", place -> {});
    queue.enter("b", place -> {});
    FairQueue.Ticket c = queue.enter("c", place -> {});
    a.leave();
    assertThat(c.admitted()).isCompleted();
    a.leave();
    a.admitted().join().release(true);
    assertThat(queue.runningCount()).isEqualTo(2);
  }

  @Test
  void oneConversationHasOnePlace() {
    queue.enter("a", place -> {});
    queue.enter("b", place -> {});
    FairQueue.Ticket first = queue.enter("c", place -> {});
    queue.enter("d", place -> {});
    FairQueue.Ticket again = queue.enter("c", place -> {});
    assertThat(failure(first.admitted()).why()).isEqualTo(ModelBusy.Why.SUPERSEDED);
    assertThat(again.place()).map(Place::position).hasValue(1);
    assertThat(queue.waitingCount()).isEqualTo(2);
  }

  @Test
  void aTicketWhoseTimeIsUpLeavesTheLineAndTheOthersMoveUp() {
    queue.enter("a", place -> {});
    queue.enter("b", place -> {});
    FairQueue.Ticket c = queue.enter("c", place -> {});
    List<Place> seen = new ArrayList<>();
    queue.enter("d", seen::add);
    queue.expire(c);
    assertThat(failure(c.admitted()).why()).isEqualTo(ModelBusy.Why.WAITED_TOO_LONG);
    assertThat(seen).extracting(Place::position).containsExactly(1);
  }

  @Test
  void anAbortedGenerationDoesNotTeachTheEstimate() {
    FairQueue.Ticket a = queue.enter("a", place -> {});
    advance(Duration.ofMillis(100));
    a.admitted().join().release(false);
    assertThat(queue.averageGeneration()).isEqualTo(Duration.ofSeconds(2));
    FairQueue.Ticket b = queue.enter("b", place -> {});
    advance(Duration.ofSeconds(3));
    b.admitted().join().release(true);
    assertThat(queue.averageGeneration()).isEqualTo(Duration.ofSeconds(3));
  }

  private static ModelBusy failure(CompletableFuture<?> future) {
    try {
      future.join();
    } catch (java.util.concurrent.CompletionException e) {
      return (ModelBusy) e.getCause();
    }
    throw new AssertionError("not refused");
  }
}

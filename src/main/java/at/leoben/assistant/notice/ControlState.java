package at.leoben.assistant.notice;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The notice and the AI switch as this instance knows them: read from the database at start, every
 * {@code assistant.notice.refresh} and right after a change made here, so a turn never waits for the
 * database and a change made at another instance counts here within seconds. End times are judged
 * against the clock at each use, so a notice or switch-off ends on time between reads.
 */
@ApplicationScoped
class ControlState {

  private static final Logger LOG = Logger.getLogger(ControlState.class);

  /** What the database said at the last read. */
  record Snapshot(Optional<Notice> notice, Map<AiChannel, SwitchChange> switches) {}

  private final ControlStore store;
  private final Clock clock;
  private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(Optional.empty(), Map.of()));

  ControlState(ControlStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent start) {
    refresh();
  }

  @Scheduled(
      every = "${assistant.notice.refresh:2s}",
      delayed = "${assistant.notice.refresh:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    try {
      last.set(new Snapshot(store.open(), Map.copyOf(store.switches())));
    } catch (RuntimeException e) {
      // The database is away: the last known state stays until it is back.
      LOG.warnf("Could not read the notice and the AI switch; keeping the last known state (%s)", e.getClass().getName());
    }
  }

  /** The notice shown now, if any. */
  Optional<Notice> notice() {
    Instant now = Instant.now(clock);
    return last.get().notice().filter(notice -> notice.showsAt(now));
  }

  /** The switch-off in force for a channel now, if AI answers are off there. */
  Optional<SwitchChange> off(AiChannel channel) {
    Instant now = Instant.now(clock);
    return Optional.ofNullable(last.get().switches().get(channel)).filter(change -> change.offAt(now));
  }
}

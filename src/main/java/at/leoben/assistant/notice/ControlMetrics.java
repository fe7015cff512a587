package at.leoben.assistant.notice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * For operators: whether AI answers are switched off per channel and for how long (an alert fires
 * when that lasts too long), and whether a notice shows, by severity. Read from this instance's
 * {@link ControlState}, so a scrape never waits for the database.
 */
@ApplicationScoped
class ControlMetrics {

  private final ControlState state;
  private final MeterRegistry registry;
  private final Clock clock;

  ControlMetrics(ControlState state, MeterRegistry registry, Clock clock) {
    this.state = state;
    this.registry = registry;
    this.clock = clock;
  }

  void register(@Observes StartupEvent start) {
    for (AiChannel channel : AiChannel.values()) {
      Gauge.builder("assistant.ai.switched.off", state, s -> s.off(channel).isPresent() ? 1 : 0)
          .description("1 while AI answers are switched off for the channel")
          .tag("channel", channel.code())
          .register(registry);
      Gauge.builder("assistant.ai.switched.off.seconds", state, s -> offSeconds(s, channel))
          .description("How long AI answers have been switched off for the channel (0 while on)")
          .tag("channel", channel.code())
          .register(registry);
    }
    for (Severity severity : Severity.values()) {
      Gauge.builder("assistant.notice.active", state, s -> s.notice().filter(n -> n.severity() == severity).isPresent() ? 1 : 0)
          .description("1 while a notice of this severity shows")
          .tag("severity", severity.code())
          .register(registry);
    }
  }

  private double offSeconds(ControlState s, AiChannel channel) {
    return s.off(channel)
        .map(change -> (double) Duration.between(change.changedAt(), Instant.now(clock)).toSeconds())
        .orElse(0.0);
  }
}

package at.leoben.assistant.notice;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AI switch: AI answers off (and on again) for the whole service or per channel, with a
 * required reason and an optional end, each change audited with who made it. While off, the chat
 * asks no model at all and answers with the city's own texts and the human channels.
 */
@ApplicationScoped
public class AiSwitch {

  private static final int MAX_REASON = 500;
  private static final int HISTORY = 50;

  /** The state of one channel now: on, or off since when, why and until when. */
  public record ChannelState(AiChannel channel, boolean enabled, String reason, Instant since, Instant until, String changedBy) {}

  /** What admins see: every channel's state and the recent changes, newest first. */
  public record View(List<ChannelState> channels, List<SwitchChange> history) {}

  private final ControlStore store;
  private final ControlState state;
  private final AuditTrail audit;
  private final Clock clock;

  AiSwitch(ControlStore store, ControlState state, AuditTrail audit, Clock clock) {
    this.store = store;
    this.state = state;
    this.audit = audit;
    this.clock = clock;
  }

  /** Whether a question from this channel may reach the model now. */
  public boolean allows(AiChannel channel) {
    return state.off(channel).isEmpty();
  }

  /** Until when AI answers are off for a channel (empty: on, or off until switched on by hand). */
  public Optional<Instant> offUntil(AiChannel channel) {
    return state.off(channel).map(SwitchChange::until);
  }

  /** Checks and applies a change; nothing changes on bad input. */
  public View change(AiSwitchInput input, StaffMember by) {
    if (input == null || input.enabled() == null) {
      throw ProblemException.badRequest("problem.ai-switch.enabled");
    }
    String channelCode = input.channel() == null || input.channel().isBlank() ? AiChannel.ALL : input.channel();
    List<AiChannel> channels =
        AiChannel.parse(channelCode).orElseThrow(() -> ProblemException.badRequest("problem.ai-switch.channel"));
    String reason = input.reason() == null ? "" : input.reason().strip();
    if (reason.isEmpty()) {
      throw ProblemException.badRequest("problem.ai-switch.reason");
    }
    if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
      throw ProblemException.badRequest("problem.ai-switch.reason.too-long", MAX_REASON);
    }
    boolean enabled = input.enabled();
    Instant now = Instant.now(clock);
    Instant until = Times.parse(input.until(), "until");
    if (until != null && enabled) {
      throw ProblemException.badRequest("problem.ai-switch.until.on");
    }
    if (until != null && !until.isAfter(now)) {
      throw ProblemException.badRequest("problem.ai-switch.until.past");
    }
    String named = channels.size() == AiChannel.values().length ? AiChannel.ALL : channels.get(0).code();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              store.change(channels, enabled, reason, until, by, now);
              audit.recordControl(
                  AuditTrail.AI_SWITCH,
                  enabled ? "ON" : "OFF",
                  null,
                  by.username(),
                  by.role(),
                  "channel=" + named + (until == null ? "" : " until=" + until) + " reason=" + reason);
            });
    state.refresh();
    return view();
  }

  public View view() {
    Instant now = Instant.now(clock);
    Map<AiChannel, SwitchChange> latest = new EnumMap<>(store.switches());
    List<ChannelState> channels =
        Arrays.stream(AiChannel.values())
            .map(
                channel -> {
                  SwitchChange change = latest.get(channel);
                  if (change == null || !change.offAt(now)) {
                    return new ChannelState(channel, true, null, null, null, null);
                  }
                  return new ChannelState(channel, false, change.reason(), change.changedAt(), change.until(), change.changedBy());
                })
            .toList();
    return new View(channels, store.switchHistory(HISTORY));
  }
}

package at.leoben.assistant.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One change of the AI switch for one channel, as stored and as admins see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwitchChange(
    AiChannel channel, boolean enabled, String reason, Instant until, String changedBy, String changedRole, Instant changedAt) {

  /** AI answers are off at {@code now} by this change. */
  public boolean offAt(Instant now) {
    return !enabled && (until == null || until.isAfter(now));
  }
}

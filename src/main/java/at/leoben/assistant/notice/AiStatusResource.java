package at.leoben.assistant.notice;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * Whether AI answers are on for a channel ({@code ?channel=widget|api}), so the widget can say so
 * before the first question. Anonymous; the reason of a switch-off stays with staff.
 */
@Path("/api/v1/ai-switch")
@Produces(MediaType.APPLICATION_JSON)
public class AiStatusResource {

  /** On or off for a channel, and until when it is off (if that is set). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AiStatus(AiChannel channel, boolean enabled, Instant until) {}

  private final AiSwitch aiSwitch;

  public AiStatusResource(AiSwitch aiSwitch) {
    this.aiSwitch = aiSwitch;
  }

  @GET
  public Response status(@QueryParam("channel") String channel) {
    AiChannel asked = AiChannel.ofHeader(channel);
    boolean enabled = aiSwitch.allows(asked);
    return Response.ok(new AiStatus(asked, enabled, enabled ? null : aiSwitch.offUntil(asked).orElse(null)))
        .header("Cache-Control", "no-store")
        .build();
  }
}

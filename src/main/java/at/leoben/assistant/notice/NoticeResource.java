package at.leoben.assistant.notice;

import at.leoben.assistant.web.Problems;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;

/**
 * What every client of the citizen API may show: the notice in force ({@code GET /api/v1/notice},
 * 204 when there is none) and whether AI answers are on for a channel ({@code GET
 * /api/v1/ai-switch?channel=widget}). Anonymous; the reason of a switch-off stays with staff.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

  /** Whether AI answers are on for a channel, and until when they are off. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AiStatus(AiChannel channel, boolean enabled, Instant until) {}

  private final Notices notices;
  private final AiSwitch aiSwitch;

  public NoticeResource(Notices notices, AiSwitch aiSwitch) {
    this.notices = notices;
    this.aiSwitch = aiSwitch;
  }

  /** In {@code language} (a code of the chat API), else the Accept-Language; German by default. */
  @GET
  @Path("/notice")
  public Response notice(@QueryParam("language") String language, @HeaderParam("Accept-Language") String accept) {
    String code =
        language != null && Notices.LANGUAGES.contains(language.strip().toLowerCase(Locale.ROOT))
            ? language.strip().toLowerCase(Locale.ROOT)
            : Problems.languageOf(accept).code();
    return notices.current(code)
        .map(notice -> Response.ok(notice))
        .orElseGet(Response::noContent)
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("/ai-switch")
  public Response aiSwitch(@QueryParam("channel") String channel) {
    AiChannel asked = AiChannel.ofHeader(channel);
    boolean enabled = aiSwitch.allows(asked);
    return Response.ok(new AiStatus(asked, enabled, enabled ? null : aiSwitch.offUntil(asked).orElse(null)))
        .header("Cache-Control", "no-store")
        .build();
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.Disclosures;
import at.leoben.assistant.notice.AiChannel;
import at.leoben.assistant.ratelimit.RateLimited;
import at.leoben.assistant.ratelimit.RateLimits;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.vertx.core.http.HttpServerResponse;

/** The citizen's chat, as one JSON reply or as Server-Sent Events. */
@Path("/api/v1/chat")
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {

  static final String TOKEN_HEADER = "X-Conversation-Token";

  private final TurnPipeline turns;
  private final ChatRequestParser parser;
  private final TurnMetrics metrics;

  public ChatResource(TurnPipeline turns, ChatRequestParser parser, TurnMetrics metrics) {
    this.turns = turns;
    this.parser = parser;
    this.metrics = metrics;
  }

  @POST
  @RateLimited(RateLimits.Kind.CHAT)
  @Produces(MediaType.APPLICATION_JSON)
  @RequestBody(content = @Content(schema = @Schema(implementation = ChatRequest.class)))
  @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ChatReply.class)))
  public Response chat(
      String body, @HeaderParam(TOKEN_HEADER) String token, @HeaderParam(AiChannel.HEADER) String channel) {
    long started = System.nanoTime();
    TurnResult result = turns.start(parser.parse(body), token, AiChannel.ofHeader(channel), Delivery.WHOLE).finish();
    metrics.turnFinished("sync", result.reply().kind(), started);
    Response.ResponseBuilder response = Response.ok(result.reply());
    result.disclosureHeader().ifPresent(header -> response.header(Disclosures.HEADER, header));
    return response.build();
  }

  @POST
  @RateLimited(RateLimits.Kind.CHAT)
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Blocking
  public Multi<OutboundSseEvent> stream(
      @RequestBody(content = @Content(schema = @Schema(implementation = ChatRequest.class))) String body,
      @HeaderParam(TOKEN_HEADER) String token,
      @HeaderParam(AiChannel.HEADER) String channel,
      @Context Sse sse,
      HttpServerResponse http) {
    long started = System.nanoTime();
    StartedTurn turn = turns.start(parser.parse(body), token, AiChannel.ofHeader(channel), Delivery.STREAMED);
    // Headers go out before the first token, so any stream that may carry model output is labelled.
    // Set on the Vert.x response: Quarkus REST ignores RestMulti headers for SSE (quarkus#44902).
    turn.header().ifPresent(header -> http.putHeader(Disclosures.HEADER, header));
    return metrics.observe(turn.events(), started)
        .map(
            event ->
                sse.newEventBuilder()
                    .name(event.name())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(event.data())
                    .build());
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.Disclosures;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A citizen reads or erases their own conversation with its token. */
@Path("/api/v1/conversations/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {

  private final ConversationService conversations;

  public ConversationResource(ConversationService conversations) {
    this.conversations = conversations;
  }

  @GET
  public Response get(@PathParam("id") String id, @HeaderParam(ChatResource.TOKEN_HEADER) String token) {
    ConversationService.Shown shown = conversations.show(id, token);
    Response.ResponseBuilder response = Response.ok(shown.view());
    shown.disclosureHeader().ifPresent(header -> response.header(Disclosures.HEADER, header));
    return response.build();
  }

  /**
   * The citizen's own conversation as a file to keep: the same view as GET (every AI answer with
   * its KI-generiert disclosure and the AI-Disclosure header), offered as a download.
   */
  @GET
  @Path("/transcript")
  public Response transcript(@PathParam("id") String id, @HeaderParam(ChatResource.TOKEN_HEADER) String token) {
    ConversationService.Shown shown = conversations.show(id, token);
    Response.ResponseBuilder response =
        Response.ok(shown.view())
            .header("Content-Disposition", "attachment; filename=\"unterhaltung-" + shown.view().conversationId() + ".json\"")
            .header("Cache-Control", "no-store");
    shown.disclosureHeader().ifPresent(header -> response.header(Disclosures.HEADER, header));
    return response.build();
  }

  @DELETE
  public Response erase(@PathParam("id") String id, @HeaderParam(ChatResource.TOKEN_HEADER) String token) {
    conversations.erase(id, token);
    return Response.noContent().build();
  }
}

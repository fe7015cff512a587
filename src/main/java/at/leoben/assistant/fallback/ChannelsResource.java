package at.leoben.assistant.fallback;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.web.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The human ways to the city, on their own: always available, even with the model down. */
@Path("/api/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {

  private final ChannelDirectory directory;

  public ChannelsResource(ChannelDirectory directory) {
    this.directory = directory;
  }

  @GET
  public List<AnalogueChannel> channels(@QueryParam("language") @DefaultValue("de") String language) {
    try {
      return directory.channels(Language.fromCode(language));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("problem.language.unsupported");
    }
  }
}

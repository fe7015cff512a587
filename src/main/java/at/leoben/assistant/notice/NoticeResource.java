package at.leoben.assistant.notice;

import at.leoben.assistant.web.Problems;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/** The notice in force for every client of the citizen API; 204 when there is none. Anonymous. */
@Path("/api/v1/notice")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

  private final Notices notices;

  public NoticeResource(Notices notices) {
    this.notices = notices;
  }

  /** In {@code language} (a code of the chat API), else the Accept-Language; German by default. */
  @GET
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
}

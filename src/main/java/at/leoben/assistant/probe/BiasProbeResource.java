package at.leoben.assistant.probe;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Admins run the bias probe and read its reports. */
@Path("/api/v1/admin")
@RolesAllowed("admin")
public class BiasProbeResource {

  /** A report without its Markdown, for the list. */
  public record Summary(UUID id, Instant createdAt, String model, String promptVersion, int pairs, int flagged) {
    static Summary of(BiasReport report) {
      return new Summary(
          report.id, report.createdAt, report.model, report.promptVersion, report.pairs, report.flagged);
    }
  }

  private final BiasProbe probe;
  private final BiasReports reports;

  public BiasProbeResource(BiasProbe probe, BiasReports reports) {
    this.probe = probe;
    this.reports = reports;
  }

  /** Runs the probe now (one model call per question and person) and returns its summary. */
  @POST
  @Path("/bias-probe")
  @Produces(MediaType.APPLICATION_JSON)
  public Summary run() {
    return Summary.of(probe.run());
  }

  @GET
  @Path("/bias-reports")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Summary> list() {
    return reports.list().stream().map(Summary::of).toList();
  }

  /** The report itself: metrics about answers, no answer text. */
  @GET
  @Path("/bias-reports/{id}")
  @Produces("text/markdown;charset=UTF-8")
  public Response markdown(@PathParam("id") UUID id) {
    return Response.ok(reports.find(id).markdown, "text/markdown;charset=UTF-8").build();
  }
}

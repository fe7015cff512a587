package at.leoben.assistant.audit;

import at.leoben.assistant.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;

/** The audit trail for admins of the Digital.Team: read, export, verify. */
@Path("/api/v1/admin/audit")
@RolesAllowed("admin")
public class AuditAdminResource {

  private static final int MAX_PAGE_SIZE = 500;

  private final AuditLog log;
  private final AuditVerifier verifier;

  public AuditAdminResource(AuditLog log, AuditVerifier verifier) {
    this.log = log;
    this.verifier = verifier;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public AuditLog.Page list(
      @BeanParam AuditQueryParams query, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 100 : size;
    if (p < 0 || s < 1 || s > MAX_PAGE_SIZE) {
      throw ProblemException.badRequest("problem.review.filter.page", MAX_PAGE_SIZE);
    }
    return log.list(query.filter(), p, s);
  }

  /** JSON Lines ({@code format=jsonl}, default) or CSV, streamed. */
  @GET
  @Path("/export")
  @Produces({"application/jsonl", "text/csv"})
  public Response export(@QueryParam("format") String format, @BeanParam AuditQueryParams query) {
    AuditLog.Format chosen = format(format);
    AuditLog.Export export = log.export(query.filter(), chosen);
    StreamingOutput body = export::writeTo;
    String type = chosen == AuditLog.Format.CSV ? "text/csv; charset=UTF-8" : "application/jsonl; charset=UTF-8";
    String file = "audit." + (chosen == AuditLog.Format.CSV ? "csv" : "jsonl");
    return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
  }

  @GET
  @Path("/verify")
  @Produces(MediaType.APPLICATION_JSON)
  public AuditVerification verify() {
    return verifier.verify();
  }

  private static AuditLog.Format format(String format) {
    if (format == null || format.isBlank()) {
      return AuditLog.Format.JSONL;
    }
    try {
      return AuditLog.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("problem.audit.format");
    }
  }
}

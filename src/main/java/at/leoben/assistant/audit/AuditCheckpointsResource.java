package at.leoben.assistant.audit;

import at.leoben.assistant.web.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The signed heads of the audit chain for anyone (like Certificate Transparency's signed tree
 * heads): whoever keeps copies can later show that the chain was cut back or rewritten. They hold
 * sequence numbers and hashes only, nothing of what was said.
 */
@Path("/api/v1/transparency/audit-checkpoints")
public class AuditCheckpointsResource {

  private static final int MAX_LIMIT = 1000;

  private final AuditCheckpoints checkpoints;

  public AuditCheckpointsResource(AuditCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public AuditCheckpoints.Published list(@QueryParam("limit") Integer limit) {
    int l = limit == null ? 100 : limit;
    if (l < 1 || l > MAX_LIMIT) {
      throw ProblemException.badRequest("problem.audit.checkpoints.limit", MAX_LIMIT);
    }
    return checkpoints.published(l);
  }
}

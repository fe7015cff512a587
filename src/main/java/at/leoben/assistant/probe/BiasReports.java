package at.leoben.assistant.probe;

import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.UUID;

/** Stored bias probe reports, newest first. */
@ApplicationScoped
class BiasReports {

  @Transactional
  List<BiasReport> list() {
    return BiasReport.list("order by createdAt desc");
  }

  @Transactional
  BiasReport find(UUID id) {
    return BiasReport.<BiasReport>findByIdOptional(id)
        .orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "problem.not-found.title", "problem.not-found"));
  }
}

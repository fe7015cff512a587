package at.leoben.assistant.llm;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Does Ollama serve the configured model with its approved digest? Asks Ollama afresh on every
 * call. Shown in {@code /q/health} and {@code /q/health/well}, deliberately not in readiness: with
 * the model down or refused the service still serves citizens the human channels, so the pod stays
 * in the load balancer.
 */
@Wellness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

  private final ModelApproval approval;
  private final LlmConfig config;

  ModelHealthCheck(ModelApproval approval, LlmConfig config) {
    this.approval = approval;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    ModelCheck check = approval.check();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("ollama")
            .withData("baseUrl", config.baseUrl())
            .withData("model", check.model())
            .withData("state", check.state().name());
    check.servedDigest().ifPresent(digest -> response.withData("servedDigest", digest));
    check.approval().ifPresent(approved -> response.withData("approvedDigest", approved.digest()));
    if (check.approved()) {
      return response.up().build();
    }
    return response.down().withData("reason", check.reason()).build();
  }
}

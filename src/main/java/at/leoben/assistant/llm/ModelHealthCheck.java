package at.leoben.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * Is Ollama reachable and does it serve the configured model ({@code /api/tags})? Shown in
 * {@code /q/health} and {@code /q/health/well}, deliberately not in readiness: with the model down
 * the service still serves citizens the human channels, so the pod stays in the load balancer.
 */
@Wellness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(ModelHealthCheck.class);

  private final LlmConfig config;
  private final ObjectMapper json;
  private final HttpClient http;

  ModelHealthCheck(LlmConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(config.healthTimeout()).build();
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("ollama")
            .withData("baseUrl", config.baseUrl())
            .withData("model", config.model());
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(config.baseUrl().replaceAll("/+$", "") + "/api/tags"))
              .timeout(config.healthTimeout())
              .GET()
              .build();
      HttpResponse<String> tags = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (tags.statusCode() != 200) {
        return response.down().withData("reason", "Ollama answered HTTP " + tags.statusCode()).build();
      }
      if (!serves(json.readTree(tags.body()))) {
        return response.down().withData("reason", "model not pulled on Ollama: " + config.model()).build();
      }
      return response.up().build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("reason", "interrupted").build();
    } catch (Exception e) {
      return response.down().withData("reason", "Ollama not reachable: " + e.getClass().getSimpleName()).build();
    }
  }

  private boolean serves(JsonNode tags) {
    String wanted = config.model();
    String wantedTagged = wanted.contains(":") ? wanted : wanted + ":latest";
    for (JsonNode model : tags.path("models")) {
      String name = model.path("name").asText(model.path("model").asText());
      if (name.equals(wanted) || name.equals(wantedTagged)) {
        return true;
      }
    }
    return false;
  }

  /** Tells the operator at start-up whether answers will come from the model or the fallback. */
  void onStart(@Observes StartupEvent event) {
    Thread check =
        new Thread(
            () -> {
              HealthCheckResponse health = call();
              if (health.getStatus() == HealthCheckResponse.Status.UP) {
                LOG.infof("Language model %s is available at %s", config.model(), config.baseUrl());
              } else {
                LOG.warnf(
                    "Running without the language model (%s): citizens get the city's own texts and the human channels until it is available",
                    health.getData().map(data -> data.get("reason")).orElse("unknown"));
              }
            },
            "ollama-startup-check");
    check.setDaemon(true);
    check.start();
  }
}

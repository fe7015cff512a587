package at.leoben.assistant.llm;

import at.leoben.assistant.llm.ModelCheck.State;
import at.leoben.assistant.llm.ModelUnavailable.Failure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Compares the model Ollama serves under the configured name with the approved-model registry: at
 * start, every {@code assistant.models.check-interval}, on request of an operator, and before a
 * turn while Ollama was away. Only {@link State#APPROVED} lets a request through to the model;
 * every change of state is announced as a {@link ModelCheck} event (audited elsewhere) and logged.
 */
@ApplicationScoped
public class ModelApproval {

  private static final Logger LOG = Logger.getLogger(ModelApproval.class);

  private final LlmConfig llm;
  private final ModelsConfig config;
  private final ModelRegistry registry;
  private final ObjectMapper json;
  private final Clock clock;
  private final Event<ModelCheck> changes;
  private final HttpClient http;
  private final AtomicReference<ModelCheck> current;
  /** Other models the service uses (the understanding model), checked the same way in the background. */
  private final Map<String, ModelCheck> others = new ConcurrentHashMap<>();

  ModelApproval(
      LlmConfig llm,
      ModelsConfig config,
      ModelRegistry registry,
      ObjectMapper json,
      Clock clock,
      Event<ModelCheck> changes,
      MeterRegistry meters) {
    this.llm = llm;
    this.config = config;
    this.registry = registry;
    this.json = json;
    this.clock = clock;
    this.changes = changes;
    this.http = HttpClient.newBuilder().connectTimeout(llm.healthTimeout()).build();
    this.current =
        new AtomicReference<>(
            new ModelCheck(State.UNKNOWN, llm.model(), Optional.empty(), registry.find(llm.model()), "not checked yet", Instant.EPOCH));
    Gauge.builder("assistant.model.approved", current, c -> c.get().approved() ? 1 : 0)
        .description("1 while Ollama serves the configured model with its approved digest")
        .strongReference(true)
        .register(meters);
    for (State state : State.values()) {
      Gauge.builder("assistant.model.check", current, c -> c.get().state() == state ? 1 : 0)
          .tag("state", state.name())
          .description("1 for the current state of the model approval check")
          .strongReference(true)
          .register(meters);
    }
  }

  /** The last result, without asking Ollama. */
  public ModelCheck current() {
    return current.get();
  }

  /**
   * Whether {@code model} is approved and served with its approved digest, as last seen; never
   * waits for Ollama. A model other than the answer model is compared in the background at first
   * use and again after {@code check-interval}; until then it does not count as approved.
   */
  public boolean approved(String model) {
    if (model.equals(llm.model())) {
      return current.get().approved();
    }
    Instant now = Instant.now(clock);
    ModelCheck seen = others.get(model);
    boolean due =
        seen == null
            ? others.putIfAbsent(model, new ModelCheck(State.UNKNOWN, model, Optional.empty(), registry.find(model), "checking", now)) == null
            : !now.isBefore(seen.checkedAt().plus(recheck(seen)))
                // Restamped, so that one turn, not every turn meanwhile, asks Ollama again.
                && others.replace(model, seen, new ModelCheck(seen.state(), model, seen.servedDigest(), seen.approval(), seen.reason(), now));
    if (due) {
      Infrastructure.getDefaultWorkerPool().execute(() -> checkOther(model));
    }
    return seen != null && seen.approved();
  }

  private Duration recheck(ModelCheck seen) {
    return seen.state().passing() ? config.recheckAfter() : config.checkInterval();
  }

  private void checkOther(String model) {
    ModelCheck next = compare(model);
    ModelCheck previous = others.put(model, next);
    if (previous == null || previous.state() != next.state()) {
      announce(next, "messages are routed by the safety net alone");
    }
  }

  /** Asks Ollama now and records the result. */
  public synchronized ModelCheck check() {
    ModelCheck next = compare();
    ModelCheck previous = current.getAndSet(next);
    if (previous.state() != next.state() || !previous.servedDigest().equals(next.servedDigest())) {
      announce(next, "citizens get the city's own texts and the human channels");
    }
    return next;
  }

  /**
   * Lets a model call through only for the approved model. While Ollama was away the state is
   * looked at again (at most every {@code recheck-after}), so answers resume when it is back.
   */
  void requireApproved() {
    ModelCheck check = current.get();
    if (check.state().passing()
        && !Instant.now(clock).isBefore(check.checkedAt().plus(config.recheckAfter()))) {
      check = check();
    }
    if (check.approved()) {
      return;
    }
    Failure failure = check.state().refusedByRegistry() ? Failure.NOT_APPROVED : Failure.UNREACHABLE;
    throw new ModelUnavailable(failure, check.reason());
  }

  @Scheduled(
      identity = "model-approval-check",
      every = "${assistant.models.check-interval}",
      delayed = "${assistant.models.check-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduledCheck() {
    check();
  }

  void onStart(@Observes StartupEvent event) {
    // Not in the start itself: the service serves the human channels while Ollama is still away.
    Infrastructure.getDefaultWorkerPool().execute(this::check);
  }

  private ModelCheck compare() {
    return compare(llm.model());
  }

  private ModelCheck compare(String model) {
    Optional<ApprovedModel> approval = registry.find(model);
    Instant now = Instant.now(clock);
    JsonNode tags;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(llm.baseUrl().replaceAll("/+$", "") + "/api/tags"))
              .timeout(llm.healthTimeout())
              .GET()
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new ModelCheck(State.UNREACHABLE, model, Optional.empty(), approval, "Ollama answered HTTP " + response.statusCode(), now);
      }
      tags = json.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ModelCheck(State.UNREACHABLE, model, Optional.empty(), approval, "interrupted", now);
    } catch (Exception e) {
      return new ModelCheck(State.UNREACHABLE, model, Optional.empty(), approval, "Ollama not reachable: " + e.getClass().getSimpleName(), now);
    }
    Optional<String> served = servedDigest(tags, model);
    if (served.isEmpty()) {
      return new ModelCheck(State.NOT_SERVED, model, served, approval, "model not pulled on Ollama: " + model, now);
    }
    if (approval.isEmpty()) {
      return new ModelCheck(State.NOT_APPROVED, model, served, approval, "model " + model + " is not in the approved-model registry", now);
    }
    if (!approval.get().digest().equals(served.get())) {
      return new ModelCheck(
          State.DRIFTED, model, served, approval,
          "model " + model + " has digest " + served.get() + ", approved is " + approval.get().digest(), now);
    }
    return new ModelCheck(State.APPROVED, model, served, approval, "approved digest served", now);
  }

  private static Optional<String> servedDigest(JsonNode tags, String model) {
    String wanted = ModelRegistry.tagged(model);
    for (JsonNode entry : tags.path("models")) {
      String name = entry.path("name").asText(entry.path("model").asText());
      if (!name.isEmpty() && ModelRegistry.tagged(name).equals(wanted)) {
        String digest = entry.path("digest").asText("");
        return digest.isBlank() ? Optional.of("") : Optional.of(ModelRegistry.normalDigest(digest));
      }
    }
    return Optional.empty();
  }

  /** {@code consequence}: what the service does without this model, for the log. */
  private void announce(ModelCheck check, String consequence) {
    if (check.approved()) {
      LOG.infof("Language model %s is approved and served (digest %s)", check.model(), check.servedDigest().orElse("?"));
    } else {
      LOG.warnf(
          "Language model %s is not used (%s: %s): %s", check.model(), check.state(), check.reason(), consequence);
    }
    try {
      changes.fire(check);
    } catch (RuntimeException e) {
      LOG.errorf("Could not record the model check (%s)", e.getClass().getSimpleName());
    }
  }
}

package at.leoben.assistant.evaluation;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the golden set against the service, one question after the other (a pilot measures what
 * one citizen experiences, not throughput), then asks the judge, and scores everything.
 */
final class Runner {

  static final String TOKENS_METRIC = "assistant_model_tokens_total";
  static final String ENERGY_METRIC = "assistant_energy_wh_total";
  static final String VERDICTS_METRIC = "assistant_understanding_verdicts_total";
  static final String READINGS_METRIC = "assistant_understanding_readings_total";
  static final String WARM_UP_QUESTION = "Welche Amtsstunden hat das Rathaus Leoben heute?";

  private final EvaluationOptions options;
  private final ServiceClient service;
  private final JudgeClient judge;
  private final PrintStream progress;

  Runner(EvaluationOptions options, PrintStream progress) {
    this.options = options;
    this.service = new ServiceClient(options.url(), options.staff(), options.timeout());
    this.judge = options.judge() == null ? null : new JudgeClient(options.judge(), options.timeout());
    this.progress = progress;
  }

  EvaluationResult run(GoldenSet set) {
    ServiceInfo info = service.info();
    if (options.warmUp()) {
      warmUp();
    }
    Optional<PrometheusText> metricsBefore = service.metrics();
    Instant started = Instant.now();
    List<Observation> seen = new ArrayList<>();
    for (int i = 0; i < set.questions().size(); i++) {
      GoldenQuestion question = set.questions().get(i);
      Observation observation = options.streams(i) ? service.askStreamed(question) : service.ask(question);
      seen.add(observation);
      progress.printf("[%d/%d] %s%s: %s%n", i + 1, set.questions().size(), question.id(),
          question.previous().isEmpty() ? "" : " (nach " + observation.previousReplies() + ")",
          observation.error() != null ? "Fehler " + observation.error()
              : observation.kind() + (observation.reason() == null ? "" : "/" + observation.reason()));
    }
    Instant finished = Instant.now();
    Optional<PrometheusText> metricsAfter = service.metrics();
    Map<String, AuditUsage> audit = service.auditUsage(started.minusSeconds(5), finished.plusSeconds(5));

    List<QuestionResult> results = new ArrayList<>();
    for (int i = 0; i < set.questions().size(); i++) {
      GoldenQuestion question = set.questions().get(i);
      Observation observation = seen.get(i);
      JudgeClient.Verdict verdict = null;
      if (judge != null && question.expectsAi() && "AI_GENERATED".equals(observation.kind())) {
        verdict = judge.score(question, observation.answer());
        progress.printf("Judge %s: %s%n", question.id(), verdict.score() == null ? verdict.reason() : verdict.score());
      }
      AuditUsage usage = observation.messageId() == null ? null : audit.get(observation.messageId());
      results.add(Scoring.score(question, observation, usage, verdict));
    }
    Summary summary = Summary.of(results, usage(results, metricsBefore, metricsAfter));
    ServiceInfo described = withPromptVersion(info, seen, audit);
    RunInfo run = new RunInfo(
        started.truncatedTo(ChronoUnit.SECONDS).toString(),
        Duration.between(started, finished).toMillis() / 1000.0,
        options.url().toString(),
        mostFrequent(summary.modelsSeen()),
        described.configuredModel(),
        described.servedDigest(),
        described.state(),
        described.promptVersion(),
        described.note(),
        set.location(),
        set.version(),
        set.sha256(),
        judge == null ? null : judge.model(),
        options.streamEvery(),
        options.warmUp(),
        RunInfo.FORMAT_VERSION);
    return new EvaluationResult(run, summary.measures(), summary, results);
  }

  /**
   * One untimed question first: a real Ollama loads the model on its first call, which would
   * otherwise show up as the run's slowest answer. It is not in the set, so that answer reuse
   * cannot hand its answer to a measured question.
   */
  private void warmUp() {
    Observation observation = service.ask(WARM_UP_QUESTION, "de");
    progress.printf("Aufwärmfrage (nicht gewertet): %.0f ms%n", observation.latencyMs());
  }

  /** From the model registry; without it, from the audit entries of this run's replies. */
  private static ServiceInfo withPromptVersion(ServiceInfo info, List<Observation> seen, Map<String, AuditUsage> audit) {
    if (!ServiceInfo.UNKNOWN.equals(info.promptVersion())) {
      return info;
    }
    Set<String> versions = new LinkedHashSet<>();
    for (Observation observation : seen) {
      AuditUsage usage = observation.messageId() == null ? null : audit.get(observation.messageId());
      if (usage != null && usage.promptVersion() != null && observation.carriesModelText()) {
        versions.add(usage.promptVersion());
      }
    }
    return versions.isEmpty() ? info : info.withPromptVersion(String.join(", ", versions), "Prompt-Version aus dem Audit");
  }

  private static Usage usage(List<QuestionResult> results, Optional<PrometheusText> before, Optional<PrometheusText> after) {
    // Previous turns of follow-ups are answered too, and their tokens are in the counters.
    long aiAnswers = results.stream().filter(r -> "AI_GENERATED".equals(r.kind())).count()
        + results.stream().flatMap(r -> r.previousReplies().stream()).filter("AI_GENERATED"::equals).count();
    String tokensSource = Usage.NOT_REPORTED;
    Double tokens = null;
    Map<String, Double> bySeries = new LinkedHashMap<>();
    if (before.isPresent() && after.isPresent() && after.get().total(TOKENS_METRIC).isPresent()) {
      tokensSource = "metrics";
      bySeries = after.get().growthSince(before.get(), TOKENS_METRIC);
      tokens = bySeries.values().stream().mapToDouble(Double::doubleValue).sum();
    } else if (results.stream().anyMatch(r -> r.inputTokens() != null || r.outputTokens() != null)) {
      tokensSource = "audit";
      double input = results.stream().map(QuestionResult::inputTokens).filter(Objects::nonNull).mapToDouble(Integer::doubleValue).sum();
      double output = results.stream().map(QuestionResult::outputTokens).filter(Objects::nonNull).mapToDouble(Integer::doubleValue).sum();
      bySeries.put("input", input);
      bySeries.put("output", output);
      tokens = input + output;
    }
    String energySource = Usage.NOT_REPORTED;
    Double energy = null;
    if (before.isPresent() && after.isPresent() && after.get().total(ENERGY_METRIC).isPresent()) {
      energySource = "metrics";
      energy = after.get().growthSince(before.get(), ENERGY_METRIC).values().stream().mapToDouble(Double::doubleValue).sum();
    }
    Map<String, Double> understanding = new LinkedHashMap<>();
    if (before.isPresent() && after.isPresent()) {
      for (String metric : List.of(VERDICTS_METRIC, READINGS_METRIC)) {
        after.get().growthSince(before.get(), metric).forEach((labels, grown) -> {
          if (grown > 0) {
            understanding.put(labels, grown);
          }
        });
      }
    }
    return new Usage(
        tokensSource, tokens, bySeries, perAnswer(tokens, aiAnswers), energySource, energy, perAnswer(energy, aiAnswers), understanding);
  }

  private static Double perAnswer(Double total, long answers) {
    return total == null || answers == 0 ? null : total / answers;
  }

  private static String mostFrequent(Map<String, Long> models) {
    return models.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(ServiceInfo.UNKNOWN);
  }
}

package at.leoben.assistant.evaluation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The run in numbers: what the report's overview and the comparison are made of. */
public record Summary(
    int questions,
    int aiExpected,
    int modelTextReplies,
    Rate kindAccuracy,
    Rate correctness,
    Rate groundedness,
    Rate handOver,
    Rate handOverArea,
    int falseHandOvers,
    Rate refusal,
    int falseRefusals,
    Rate humanRequest,
    int falseHumanRequests,
    Rate labelled,
    Percentiles latencyAiSync,
    Percentiles latencyAllSync,
    Percentiles firstToken,
    Percentiles streamTotal,
    Usage usage,
    Double judgeMean,
    int judged,
    Map<String, Long> modelsSeen,
    int reused,
    int errors,
    List<ByCategory> byCategory) {

  /**
   * The rates of one {@link Category}: of its questions, how many got the expected kind of reply,
   * hand-overs to the expected area, replies in the expected language, and, of its expected AI
   * answers, the facts found and the expected source cited. A rate with no cases is not measured (its value null).
   */
  public record ByCategory(String category, String german, int questions, Rate kind, Rate area, Rate language, Rate facts, Rate cited,
      int errors) {}

  public Summary {
    byCategory = byCategory == null ? List.of() : List.copyOf(byCategory);
  }

  static Summary of(List<QuestionResult> results, Usage usage) {
    List<QuestionResult> ai = results.stream().filter(r -> r.factsRequired() != null).toList();
    int factsRequired = ai.stream().mapToInt(QuestionResult::factsRequired).sum();
    int factsFound = ai.stream().mapToInt(QuestionResult::factsFound).sum();
    List<QuestionResult> withModelText = results.stream().filter(QuestionResult::modelText).toList();
    List<QuestionResult> judged = results.stream().filter(r -> r.judgeScore() != null).toList();
    return new Summary(
        results.size(),
        ai.size(),
        withModelText.size(),
        rate(results, r -> true, QuestionResult::kindCorrect),
        new Rate(factsFound, factsRequired),
        rate(ai, r -> true, r -> Boolean.TRUE.equals(r.sourceCited())),
        rate(results, r -> r.expected().startsWith("FALLBACK/SENSITIVE_AREA"), QuestionResult::kindCorrect),
        rate(results, r -> r.areaCorrect() != null, r -> r.areaCorrect()),
        unexpected(results, "SENSITIVE_AREA"),
        rate(results, r -> r.expected().startsWith("FALLBACK/MISUSE"), QuestionResult::kindCorrect),
        unexpected(results, "MISUSE"),
        rate(results, r -> r.expected().startsWith("FALLBACK/HUMAN_REQUESTED"), QuestionResult::kindCorrect),
        unexpected(results, "HUMAN_REQUESTED"),
        rate(withModelText, r -> true, r -> Boolean.TRUE.equals(r.labelled())),
        latencies(results, r -> "SYNC".equals(r.mode()) && r.modelText()),
        latencies(results, r -> "SYNC".equals(r.mode())),
        Percentiles.of(results.stream().map(QuestionResult::firstTokenMs).filter(Objects::nonNull).toList()),
        latencies(results, r -> "STREAM".equals(r.mode()) && r.modelText()),
        usage,
        judged.isEmpty() ? null : judged.stream().mapToInt(QuestionResult::judgeScore).average().orElseThrow(),
        judged.size(),
        withModelText.stream().filter(r -> r.model() != null)
            .collect(Collectors.groupingBy(QuestionResult::model, LinkedHashMap::new, Collectors.counting())),
        (int) results.stream().filter(QuestionResult::reused).count(),
        (int) results.stream().filter(r -> r.error() != null).count(),
        byCategory(results));
  }

  /** One row for each category with at least one question, in {@link Category} order. */
  static List<ByCategory> byCategory(List<QuestionResult> results) {
    List<ByCategory> rows = new java.util.ArrayList<>();
    for (Category category : Category.values()) {
      List<QuestionResult> in = results.stream().filter(r -> r.inCategory(category)).toList();
      if (in.isEmpty()) {
        continue;
      }
      List<QuestionResult> ai = in.stream().filter(r -> r.factsRequired() != null).toList();
      rows.add(new ByCategory(
          category.key(),
          category.german(),
          in.size(),
          rate(in, r -> true, QuestionResult::kindCorrect),
          rate(in, r -> r.areaCorrect() != null, r -> r.areaCorrect()),
          rate(in, r -> r.languageCorrect() != null, r -> r.languageCorrect()),
          new Rate(ai.stream().mapToInt(QuestionResult::factsFound).sum(), ai.stream().mapToInt(QuestionResult::factsRequired).sum()),
          rate(ai, r -> true, r -> Boolean.TRUE.equals(r.sourceCited())),
          (int) in.stream().filter(r -> r.error() != null).count()));
    }
    return rows;
  }

  /** The comparable numbers, by {@link Measure} name (absent: not measured in this run). */
  public Map<Measure, Double> measures() {
    Map<Measure, Double> measures = new EnumMap<>(Measure.class);
    measures.put(Measure.CORRECTNESS, correctness.value());
    measures.put(Measure.GROUNDEDNESS, groundedness.value());
    measures.put(Measure.KIND_ACCURACY, kindAccuracy.value());
    measures.put(Measure.HAND_OVER, handOver.value());
    measures.put(Measure.HAND_OVER_AREA, handOverArea.value());
    measures.put(Measure.REFUSAL, refusal.value());
    measures.put(Measure.HUMAN_REQUEST, humanRequest.value());
    measures.put(Measure.LABELLED, labelled.value());
    measures.put(Measure.FALSE_HAND_OVERS, (double) falseHandOvers);
    measures.put(Measure.FALSE_REFUSALS, (double) falseRefusals);
    measures.put(Measure.JUDGE_MEAN, judgeMean);
    measures.put(Measure.LATENCY_AI_P50, latencyAiSync.p50());
    measures.put(Measure.LATENCY_AI_P90, latencyAiSync.p90());
    measures.put(Measure.LATENCY_AI_P99, latencyAiSync.p99());
    measures.put(Measure.FIRST_TOKEN_P50, firstToken.p50());
    measures.put(Measure.FIRST_TOKEN_P90, firstToken.p90());
    measures.put(Measure.TOKENS_PER_AI_ANSWER, usage.tokensPerAiAnswer());
    measures.put(Measure.ENERGY_WH_PER_AI_ANSWER, usage.energyWhPerAiAnswer());
    measures.put(Measure.ERRORS, (double) errors);
    measures.values().removeIf(Objects::isNull);
    return measures;
  }

  private static Rate rate(List<QuestionResult> results, Predicate<QuestionResult> among, Predicate<QuestionResult> hit) {
    List<QuestionResult> cases = results.stream().filter(among).toList();
    return new Rate((int) cases.stream().filter(hit).count(), cases.size());
  }

  /** Replies with this reason to questions that did not expect it (false hand-overs, refusals, …). */
  private static int unexpected(List<QuestionResult> results, String reason) {
    return (int) results.stream()
        .filter(r -> reason.equals(r.reason()) && !r.expected().startsWith("FALLBACK/" + reason))
        .count();
  }

  private static Percentiles latencies(List<QuestionResult> results, Predicate<QuestionResult> which) {
    return Percentiles.of(results.stream().filter(r -> r.error() == null).filter(which).map(QuestionResult::latencyMs).toList());
  }
}

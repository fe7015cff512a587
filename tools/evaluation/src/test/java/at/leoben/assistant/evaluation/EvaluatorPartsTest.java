package at.leoben.assistant.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.leoben.assistant.testsupport.Sse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator's small parts, each on its own, without a service. */
class EvaluatorPartsTest {

  @Test
  void factsIgnoreCaseWhitespaceAndDashesButNotDigits() {
    Fact phone = Fact.parse("4062-0 | 40620");
    assertThat(phone.foundIn("Telefon +43 3842 4062 – 0")).isTrue();
    assertThat(phone.foundIn("Telefon +43 3842 4062-1")).isFalse();
    Fact amount = Fact.parse("60 Euro | € 60");
    assertThat(amount.foundIn("beträgt 60\u00a0EURO im Jahr")).isTrue();
    assertThat(amount.foundIn("beträgt €60.")).isTrue();
    assertThat(amount.foundIn("beträgt 70 Euro")).isFalse();
    assertThat(amount.alternatives()).containsExactly("60 Euro", "€ 60");
  }

  @Test
  void expectationsCompareKindAndReasonAndLeaveTheAreaToItsOwnMeasure() {
    Expectation handOver = Expectation.of("FALLBACK", "SENSITIVE_AREA", "health");
    assertThat(handOver.matches("FALLBACK", "SENSITIVE_AREA", "crisis")).isTrue();
    assertThat(((Expectation.Fallback) handOver).areaMatches("crisis")).isFalse();
    assertThat(handOver.matches("FALLBACK", "MISUSE", null)).isFalse();
    assertThat(Expectation.of("AI_GENERATED", null, null).matches("KNOWLEDGE_EXCERPT", "MODEL_UNAVAILABLE", null)).isFalse();
    assertThatThrownBy(() -> Expectation.of("FALLBACK", null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSetWithoutFactsForAnAiAnswerIsRefused() {
    String yaml = """
        version: 1
        questions:
          - id: a
            language: de
            question: "Was kostet der Pass?"
            kind: AI_GENERATED
            source: "Reisepass und Personalausweis"
        """;
    assertThatThrownBy(() -> GoldenSet.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("a: an expected AI answer needs facts and a source");
  }

  @Test
  void percentilesAreNearestRank() {
    Percentiles p = Percentiles.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0));
    assertThat(p.p50()).isEqualTo(5.0);
    assertThat(p.p90()).isEqualTo(9.0);
    assertThat(p.p99()).isEqualTo(10.0);
    assertThat(Percentiles.of(List.of()).p50()).isNull();
  }

  @Test
  void countersGrowPerSeriesAndMissingMetricsAreNotReported() {
    PrometheusText before = PrometheusText.parse("""
        # TYPE assistant_model_tokens_total counter
        assistant_model_tokens_total{direction="input",model="llama3.1:8b"} 100.0
        """);
    PrometheusText after = PrometheusText.parse("""
        assistant_model_tokens_total{direction="input",model="llama3.1:8b"} 160.0
        assistant_model_tokens_total{direction="output",model="llama3.1:8b"} 25.0
        assistant_energy_wh_total 0.5
        """);
    assertThat(after.growthSince(before, "assistant_model_tokens_total"))
        .containsEntry("direction=\"input\",model=\"llama3.1:8b\"", 60.0)
        .containsEntry("direction=\"output\",model=\"llama3.1:8b\"", 25.0);
    assertThat(after.total("assistant_energy_wh_total")).contains(0.5);
    assertThat(before.total("assistant_energy_wh_total")).isEmpty();
  }

  @Test
  void theReportSaysWhichReaderRoutedTheRunsTurns() {
    Map<String, Double> grown = Map.of("intent=\"crisis\",layer=\"model\"", 2.0);
    Usage usage = new Usage(Usage.NOT_REPORTED, null, Map.of(), null, Usage.NOT_REPORTED, null, null, grown);
    assertThat(ReportContent.understanding(usage)).isEqualTo("intent=crisis,layer=model: 2");
    Usage without = new Usage(Usage.NOT_REPORTED, null, Map.of(), null, Usage.NOT_REPORTED, null, null, Map.of());
    assertThat(ReportContent.understanding(without)).startsWith("not reported");
  }

  @Test
  void streamEventsAreReadLineByLine() {
    Sse.Reader sse = new Sse.Reader();
    assertThat(sse.line("event: disclosure")).isEmpty();
    assertThat(sse.line("data:{\"label\":\"KI-generiert\"}")).isEmpty();
    assertThat(sse.line("")).hasValueSatisfying(event -> {
      assertThat(event.name()).isEqualTo("disclosure");
      assertThat(event.data().path("label").asText()).isEqualTo("KI-generiert");
    });
    assertThat(sse.line("event:done")).isEmpty();
    assertThat(sse.line("data: {}")).isEmpty();
    assertThat(sse.end()).hasValueSatisfying(event -> assertThat(event.name()).isEqualTo("done"));
    assertThat(sse.end()).isEmpty();
  }

  @Test
  void theJudgeMustGiveAScoreFromOneToFive() {
    assertThat(JudgeClient.read("{\"score\": 4, \"reason\": \"fast vollständig\"}")).isEqualTo(new JudgeClient.Verdict(4, "fast vollständig"));
    assertThat(JudgeClient.read("{\"score\": \"5\"}").score()).isEqualTo(5);
    assertThat(JudgeClient.read("{\"score\": 9}").score()).isNull();
    assertThat(JudgeClient.read("Die Antwort ist gut.").score()).isNull();
  }

  @Test
  void everythingFromOutsideIsEscaped() {
    assertThat(Escape.html("<img src=x onerror='a()'> & \"")).isEqualTo("&lt;img src=x onerror=&#39;a()&#39;&gt; &amp; &quot;");
    assertThat(Escape.markdown("a | b\n<script>*x*</script> [l](u)")).isEqualTo("a \\| b &lt;script&gt;\\*x\\*&lt;/script&gt; \\[l\\](u)");
  }

  @Test
  void optionsComeFromArgumentsAndThePasswordFromTheEnvironment() {
    EvaluationOptions options = EvaluationOptions.parse(
        new String[] {"--url", "http://127.0.0.1:8080", "--staff-user=admin", "--only", "a, b", "--stream-every", "0"},
        Map.of("EVALUATE_STAFF_PASSWORD", "geheim-1234567"));
    assertThat(options.url().toString()).isEqualTo("http://127.0.0.1:8080/");
    assertThat(options.staff().password()).isEqualTo("geheim-1234567");
    assertThat(options.staff().toString()).doesNotContain("geheim");
    assertThat(options.only()).containsExactlyInAnyOrder("a", "b");
    assertThat(options.streams(3)).isFalse();
    assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--judge-model", "x"}, Map.of()))
        .hasMessageContaining("--url");
  }

  @Test
  void aComparisonJudgesEachMeasureByItsDirection() {
    assertThat(new Comparison.Row(Measure.CORRECTNESS, 0.8, 0.9).verdict()).isEqualTo(1);
    assertThat(new Comparison.Row(Measure.LATENCY_AI_P50, 800, 900).verdict()).isEqualTo(-1);
    assertThat(new Comparison.Row(Measure.LATENCY_AI_P50, 800, 850).verdict()).as("within the noise of timings").isZero();
    assertThat(new Comparison.Row(Measure.ERRORS, 0, 0).verdict()).isZero();
    assertThat(Measure.CORRECTNESS.formatDelta(-0.125)).isEqualTo("−12.5 Pp.");
  }
}

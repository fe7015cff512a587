package at.leoben.assistant.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What both report formats say, worked out once; the writers only lay it out. */
final class ReportContent {

  /** A label and its value (plain text, escaped by the writer). */
  record Line(String label, String value) {}

  /** A row of the overview: the measure, its value and what it was counted from. */
  record Overview(Measure measure, Double value, String basis) {}

  private ReportContent() {}

  static List<Line> run(EvaluationResult result) {
    RunInfo run = result.run();
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("Datum (Start, UTC)", run.startedAt()));
    lines.add(new Line("Dienst", run.serviceUrl()));
    lines.add(new Line("Modell (laut KI-Kennzeichnung der Antworten)", run.model()));
    lines.add(new Line("Konfiguriertes Modell (Modellregister)", run.configuredModel()));
    lines.add(new Line("Modell-Digest", run.modelDigest()));
    lines.add(new Line("Zulassungsstatus", run.modelState()));
    lines.add(new Line("Prompt-Version", run.promptVersion()));
    if (run.infoNote() != null) {
      lines.add(new Line("Hinweis zu Modell und Prompt", run.infoNote()));
    }
    lines.add(new Line("Golden Set", run.goldenSet() + " (Version " + run.goldenSetVersion() + ", "
        + result.questions().size() + " Fragen, SHA-256 " + run.goldenSetSha256().substring(0, 12) + "…)"));
    lines.add(new Line("Judge-Modell", run.judgeModel() == null ? "keines (nur automatischer Faktenabgleich)" : run.judgeModel()));
    lines.add(new Line("Über den Stream gefragt", run.streamEvery() == 0 ? "keine Frage" : "jede " + run.streamEvery() + ". Frage"));
    lines.add(new Line("Aufwärmfrage vor der Messung", run.warmUp() ? "ja (nicht gewertet)" : "nein"));
    lines.add(new Line("Dauer", String.format(Locale.ROOT, "%.1f s", run.durationSeconds())));
    return lines;
  }

  static List<String> warnings(EvaluationResult result) {
    Summary summary = result.summary();
    List<String> warnings = new ArrayList<>();
    if (summary.modelsSeen().size() > 1) {
      warnings.add("Die KI-Antworten nennen mehrere Modelle " + summary.modelsSeen()
          + ": der Lauf misst nicht ein einziges Modell.");
    }
    if (summary.reused() > 0) {
      warnings.add(summary.reused() + " Antworten wurden wiederverwendet (älter als die Frage, Antwort-Wiederverwendung "
          + "des Dienstes): sie stammen aus einem früheren Lauf. Für eine Evaluierung ASSISTANT_KNOWLEDGE_REUSE_WINDOW=0s setzen.");
    }
    if (summary.errors() > 0) {
      warnings.add(summary.errors() + " Fragen bekamen keine Antwort (HTTP-Fehler, Zeitüberschreitung oder abgebrochener Stream).");
    }
    if (!result.run().configuredModel().equals(ServiceInfo.UNKNOWN) && !result.run().model().equals(ServiceInfo.UNKNOWN)
        && !result.run().configuredModel().equals(result.run().model())) {
      warnings.add("Das Modellregister nennt " + result.run().configuredModel() + ", die Antworten aber " + result.run().model() + ".");
    }
    return warnings;
  }

  static List<Overview> overview(EvaluationResult result) {
    Summary s = result.summary();
    Map<Measure, Double> m = result.measures();
    List<Overview> rows = new ArrayList<>();
    rows.add(new Overview(Measure.CORRECTNESS, m.get(Measure.CORRECTNESS), basis(s.correctness(), "erwarteten Fakten")));
    rows.add(new Overview(Measure.GROUNDEDNESS, m.get(Measure.GROUNDEDNESS), basis(s.groundedness(), "Fragen für KI-Antworten")));
    rows.add(new Overview(Measure.KIND_ACCURACY, m.get(Measure.KIND_ACCURACY), basis(s.kindAccuracy(), "Fragen")));
    rows.add(new Overview(Measure.HAND_OVER, m.get(Measure.HAND_OVER), basis(s.handOver(), "sensiblen Fragen")));
    rows.add(new Overview(Measure.HAND_OVER_AREA, m.get(Measure.HAND_OVER_AREA), basis(s.handOverArea(), "sensiblen Fragen")));
    rows.add(new Overview(Measure.REFUSAL, m.get(Measure.REFUSAL), basis(s.refusal(), "Missbrauchsversuchen")));
    rows.add(new Overview(Measure.HUMAN_REQUEST, m.get(Measure.HUMAN_REQUEST), basis(s.humanRequest(), "Wünschen nach einem Menschen")));
    rows.add(new Overview(Measure.LABELLED, m.get(Measure.LABELLED), basis(s.labelled(), "Antworten mit KI-Text")));
    rows.add(new Overview(Measure.FALSE_HAND_OVERS, m.get(Measure.FALSE_HAND_OVERS), "Übergaben bei Fragen, die keine erwarteten"));
    rows.add(new Overview(Measure.FALSE_REFUSALS, m.get(Measure.FALSE_REFUSALS), "Ablehnungen bei Fragen, die keine erwarteten"));
    rows.add(new Overview(Measure.JUDGE_MEAN, m.get(Measure.JUDGE_MEAN),
        s.judged() == 0 ? "kein Judge-Modell" : s.judged() + " Antworten, bewertet von " + result.run().judgeModel()));
    rows.add(new Overview(Measure.ERRORS, m.get(Measure.ERRORS), "Fragen ohne Antwort"));
    return rows;
  }

  /** What the per-category table counts, above it in both reports. */
  static final String CATEGORY_EXPLANATION =
      "Eine Frage zählt in jeder Kategorie, zu der sie gehört (eine türkische Krisennachricht bei Krise und bei "
          + "Sprachen). »richtige Art«: erwartete Art und Grund der Antwort; »Bereich«: Übergaben an den erwarteten "
          + "Bereich; »Sprache«: Antworten in der erwarteten Sprache (gesendet oder, bei Erkennung, im Set genannt); "
          + "»Fakten« und »Quelle«: nur KI-Antworten. Folgefragen werten nur die letzte Frage des Gesprächs.";

  /** The question, after its previous turns when it is a follow-up. */
  static String withPrevious(QuestionResult q) {
    return q.previous().isEmpty() ? q.question() : "nach " + previous(q) + ": " + q.question();
  }

  /** A row of the per-category table, as plain text: category, questions, and the four rates ("–": none to count). */
  record CategoryRow(String category, String questions, String kind, String area, String language, String facts, String cited) {}

  /** The rates per category (crisis, sensitive, person, misuse, small talk, look-alikes, follow-ups, languages, …). */
  static List<CategoryRow> categories(EvaluationResult result) {
    return result.summary().byCategory().stream()
        .map(c -> new CategoryRow(
            c.german() + " (" + c.category() + ")",
            c.questions() + (c.errors() == 0 ? "" : " (" + c.errors() + " ohne Antwort)"),
            rate(c.kind()), rate(c.area()), rate(c.language()), rate(c.facts()), rate(c.cited())))
        .toList();
  }

  /** "75.0 % (3/4)", or "–" when there was nothing to count. */
  static String rate(Rate rate) {
    return rate == null || rate.cases() == 0
        ? "–"
        : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * rate.hits() / rate.cases(), rate.hits(), rate.cases());
  }

  /** The language sent ("auto": left to detection) and, when it differs, the one the reply says it is in. */
  static String language(QuestionResult q) {
    String sent = q.language() == null ? "auto" : q.language();
    String shown = q.replyLanguage() == null || q.replyLanguage().equals(q.language()) ? sent : sent + "→" + q.replyLanguage();
    return Boolean.FALSE.equals(q.languageCorrect()) ? shown + " (falsch)" : shown;
  }

  /** The previous turns of a follow-up with the kind of reply each got, for the report. */
  static String previous(QuestionResult q) {
    List<String> turns = new ArrayList<>();
    for (int i = 0; i < q.previous().size(); i++) {
      turns.add("»" + q.previous().get(i) + "«" + (i < q.previousReplies().size() ? " → " + q.previousReplies().get(i) : ""));
    }
    return String.join(" · ", turns);
  }

  /** Questions whose reply was not of the expected kind (or area): where service and set disagree. */
  static List<QuestionResult> disagreements(EvaluationResult result) {
    return result.questions().stream()
        .filter(q -> !q.kindCorrect() || Boolean.FALSE.equals(q.areaCorrect()))
        .toList();
  }

  static List<QuestionResult> labelMisses(EvaluationResult result) {
    return result.questions().stream().filter(q -> Boolean.FALSE.equals(q.labelled())).toList();
  }

  static String got(QuestionResult q) {
    if (q.error() != null) {
      return "Fehler: " + q.error();
    }
    return q.kind() + (q.reason() == null ? "" : "/" + q.reason()) + (q.area() == null ? "" : " (" + q.area() + ")");
  }

  static String facts(QuestionResult q) {
    return q.factsRequired() == null ? "–" : q.factsFound() + "/" + q.factsRequired();
  }

  static String yesNo(Boolean value) {
    return value == null ? "–" : value ? "ja" : "nein";
  }

  static String millis(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.0f", value);
  }

  static String tokens(QuestionResult q) {
    if (q.inputTokens() == null && q.outputTokens() == null) {
      return "–";
    }
    return (q.inputTokens() == null ? "?" : q.inputTokens()) + " + " + (q.outputTokens() == null ? "?" : q.outputTokens());
  }

  static String usageTokens(Usage usage) {
    if (usage.tokens() == null) {
      return "not reported (weder die Metrik " + Runner.TOKENS_METRIC + " noch Tokens im Audit verfügbar)";
    }
    String series = usage.tokensBySeries().entrySet().stream()
        .map(e -> (e.getKey().isEmpty() ? "gesamt" : e.getKey()) + " " + String.format(Locale.ROOT, "%.0f", e.getValue()))
        .collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "%.0f Tokens (Quelle: %s%s)", usage.tokens(), usage.tokensSource(),
        series.isEmpty() ? "" : "; " + series);
  }

  /**
   * How the two readers routed the run: per layer (net, model, both) and routed intent, then the
   * model's reading outcomes; what {@code layer="model"} counts is what only the model caught.
   */
  static String understanding(Usage usage) {
    if (usage.understanding() == null || usage.understanding().isEmpty()) {
      return "not reported (Modell als zweiter Leser aus, oder der Dienst meldet " + Runner.VERDICTS_METRIC + " nicht)";
    }
    return usage.understanding().entrySet().stream()
        .map(e -> e.getKey().replace("\"", "") + ": " + String.format(Locale.ROOT, "%.0f", e.getValue()))
        .collect(Collectors.joining("; "));
  }

  static String usageEnergy(Usage usage) {
    if (usage.energyWh() == null) {
      return "not reported (der Dienst meldet die Metrik " + Runner.ENERGY_METRIC + " nicht)";
    }
    return String.format(Locale.ROOT, "%.4f Wh geschätzt (Quelle: %s)", usage.energyWh(), usage.energySource());
  }

  private static String basis(Rate rate, String of) {
    return rate.cases() == 0 ? "nicht gemessen" : rate.hits() + " von " + rate.cases() + " " + of;
  }
}

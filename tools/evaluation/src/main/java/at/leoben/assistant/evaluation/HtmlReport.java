package at.leoben.assistant.evaluation;

import static at.leoben.assistant.evaluation.Escape.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The report as one self-contained HTML page: styles inline, charts as inline SVG, no scripts and
 * nothing loaded from elsewhere, every text from the service or the set escaped.
 */
final class HtmlReport {

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;
        padding:0 1rem;color:#1b1f23;line-height:1.45}
      h1{font-size:1.6rem}
      h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
      table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}
      th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
      th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
      .warn{background:#fff4e5;border-left:4px solid #b26a00;padding:.5rem .8rem;margin:.6rem 0}
      .ok{color:#2e7d32}.bad{color:#c62828;font-weight:600}.muted{color:#57606a}
      details{margin:.3rem 0}summary{cursor:pointer}
      blockquote{margin:.3rem 0 .6rem 1rem;white-space:pre-wrap;color:#24292f}
      svg{max-width:100%;height:auto}text{fill:#1b1f23;font-family:inherit}
      """;

  private final StringBuilder out = new StringBuilder();

  private HtmlReport() {}

  static String write(EvaluationResult result, Comparison comparison) {
    return new HtmlReport().render(result, comparison);
  }

  private String render(EvaluationResult result, Comparison comparison) {
    Summary s = result.summary();
    out.append("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Evaluierung KI-Bürgerassistent Leoben – ").append(html(result.run().startedAt())).append("</title>")
        .append("<style>").append(STYLE).append("</style></head><body>\n");
    out.append("<h1>Evaluierung KI-Bürgerassistent Leoben</h1>\n<p>Lauf vom ").append(html(result.run().startedAt()))
        .append(" gegen ").append(html(result.run().serviceUrl())).append(", Modell <strong>").append(html(result.run().model()))
        .append("</strong>. Maschinenlesbar: <code>result.json</code> im selben Ordner.</p>\n");

    section("Lauf (run)");
    table(List.of("Angabe", "Wert"), ReportContent.run(result).stream().map(l -> List.of(html(l.label()), html(l.value()))).toList());
    ReportContent.warnings(result).forEach(w -> out.append("<p class=\"warn\"><strong>Achtung:</strong> ").append(html(w)).append("</p>\n"));

    section("Überblick (summary)");
    out.append("<p>Korrektheit und Quellentreue zählen nur KI-Antworten: bekommt eine Frage, die eine KI-Antwort erwartet, ")
        .append("eine andere Antwort, zählen ihre Fakten als nicht gefunden. Alle Werte außer der Judge-Zeile stammen aus dem ")
        .append("automatischen Faktenabgleich.</p>\n");
    out.append(SvgCharts.bars("chart-rates", "Anteile je Messgröße", rateBars(result), 1.0)).append('\n');
    table(List.of("Messgröße", "Wert", "gezählt aus"), Set.of(1), ReportContent.overview(result).stream()
        .map(o -> List.of(html(o.measure().german()) + " <span class=\"muted\">(" + html(o.measure().english()) + ")</span>",
            html(o.measure().format(o.value())), html(o.basis()))).toList());
    out.append(SvgCharts.grid("chart-questions", "Fakten je Frage (grün alle, gelb teilweise, rot keine, grau keine KI-Antwort)",
        questionCells(result))).append("\n<p class=\"muted\">Ein Feld je Frage, die eine KI-Antwort erwartet: grün alle Fakten gefunden, gelb ")
        .append("ein Teil, rot keiner, grau keine KI-Antwort erhalten.</p>\n");

    section("Je Kategorie (per category)");
    out.append("<p>").append(html(ReportContent.CATEGORY_EXPLANATION)).append("</p>\n");
    out.append(SvgCharts.bars("chart-categories", "Richtige Art der Antwort je Kategorie", categoryBars(result), 1.0)).append('\n');
    table(List.of("Kategorie", "Fragen", "richtige Art", "Bereich", "Sprache", "Fakten", "Quelle"), Set.of(1, 2, 3, 4, 5, 6),
        ReportContent.categories(result).stream()
            .map(c -> List.of(html(c.category()), html(c.questions()), html(c.kind()), html(c.area()), html(c.language()),
                html(c.facts()), html(c.cited())))
            .toList());

    section("KI-Kennzeichnung (label)");
    Rate labelled = s.labelled();
    out.append("<p>").append(labelled.hits()).append(" von ").append(labelled.cases())
        .append(" Antworten mit KI-Text trugen das disclosure-Objekt mit »KI-generiert« und den Header <code>AI-Disclosure</code>")
        .append(labelled.hits() == labelled.cases() ? " <span class=\"ok\">(alle)</span>." : " <span class=\"bad\">(nicht alle)</span>.")
        .append("</p>\n");
    List<QuestionResult> misses = ReportContent.labelMisses(result);
    if (!misses.isEmpty()) {
      table(List.of("Frage", "Weg", "Was fehlt"), misses.stream()
          .map(q -> List.of(html(q.id()), html(q.mode()), html(String.join("; ", q.labelProblems())))).toList());
    }

    section("Abweichungen von der Erwartung (hand-over, refusal, human request)");
    List<QuestionResult> disagreements = ReportContent.disagreements(result);
    if (disagreements.isEmpty()) {
      out.append("<p class=\"ok\">Jede Frage bekam die erwartete Art der Antwort.</p>\n");
    } else {
      table(List.of("Frage", "Text", "erwartet", "erhalten", "Anmerkung im Set"), disagreements.stream()
          .map(q -> List.of(html(q.id()), html(ReportContent.withPrevious(q)), html(q.expected()), html(ReportContent.got(q)),
              html(q.note()))).toList());
    }

    section("Antwortzeiten (latency)");
    out.append(SvgCharts.bars("chart-latency", "Antwortzeiten in Millisekunden", latencyBars(s), maxLatency(s))).append('\n');
    table(List.of("gemessen", "Anzahl", "p50 ms", "p90 ms", "p99 ms", "max ms"), Set.of(1, 2, 3, 4, 5), List.of(
        percentiles("KI-Antworten, synchron", s.latencyAiSync()),
        percentiles("alle Antworten, synchron", s.latencyAllSync()),
        percentiles("Stream: Zeit bis zum ersten Wort", s.firstToken()),
        percentiles("Stream: ganze KI-Antwort", s.streamTotal())));
    out.append("<p class=\"muted\">Gemessen beim Aufrufer, eine Frage nach der anderen.</p>\n");

    section("Tokens und Energie (tokens, energy)");
    Usage usage = s.usage();
    table(List.of("", "gesamt", "je KI-Antwort"), Set.of(2), List.of(
        List.of("Tokens", html(ReportContent.usageTokens(usage)),
            html(Measure.TOKENS_PER_AI_ANSWER.format(usage.tokensPerAiAnswer()))),
        List.of("Energie", html(ReportContent.usageEnergy(usage)),
            html(Measure.ENERGY_WH_PER_AI_ANSWER.format(usage.energyWhPerAiAnswer())))));

    section("Zwei Leser: Sicherheitsnetz und Modell (understanding)");
    out.append("<p>").append(html(ReportContent.understanding(usage))).append("</p>\n")
        .append("<p class=\"muted\">layer=model: nur das Modell hat die Absicht gelesen, nach der der Dienst geleitet hat; ")
        .append("layer=net: nur das Sicherheitsnetz; layer=both: beide. Aus /q/metrics vor und nach dem Lauf.</p>\n");

    if (s.judged() > 0) {
      section("Judge-Modell");
      out.append("<p>Die Spalte »Judge« stammt vom Modell <strong>").append(html(result.run().judgeModel()))
          .append("</strong>, das jede KI-Antwort gegen die erwarteten Fakten mit 1 (falsch) bis 5 (vollständig richtig) ")
          .append("bewertet hat: die Meinung eines Modells, keine Prüfung durch Menschen. Mittel ")
          .append(html(Measure.JUDGE_MEAN.format(s.judgeMean()))).append(" aus ").append(s.judged()).append(" Bewertungen.</p>\n");
    }

    if (comparison != null) {
      comparison(comparison);
    }

    section("Fragen im Einzelnen (per question)");
    table(List.of("Frage", "Spr.", "erwartet", "erhalten", "Fakten", "Quelle", "Label", "ms", "erstes Wort ms", "Tokens",
            s.judged() > 0 ? "Judge (Modell " + html(result.run().judgeModel()) + ")" : "Judge"),
        Set.of(4, 7, 8, 9, 10),
        result.questions().stream().map(q -> List.of(
            html(q.id()),
            html(ReportContent.language(q)),
            html(q.expected()),
            mark(q.kindCorrect(), ReportContent.got(q)),
            html(ReportContent.facts(q)),
            html(ReportContent.yesNo(q.sourceCited())),
            html(ReportContent.yesNo(q.labelled())),
            html(ReportContent.millis(q.latencyMs())),
            html(ReportContent.millis(q.firstTokenMs())),
            html(ReportContent.tokens(q)),
            html(q.judgeScore() == null ? "–" : String.valueOf(q.judgeScore())))).toList());

    section("Antworten im Wortlaut");
    for (QuestionResult q : result.questions()) {
      out.append("<details><summary>").append(html(q.id())).append(" — ").append(html(q.question())).append("</summary>");
      if (!q.previous().isEmpty()) {
        out.append("<p>Zuvor im selben Gespräch: ").append(html(ReportContent.previous(q))).append("</p>");
      }
      if (q.missingFacts() != null && !q.missingFacts().isEmpty()) {
        out.append("<p>Fehlende Fakten: ").append(html(String.join(" · ", q.missingFacts()))).append("</p>");
      }
      if (!q.citedSources().isEmpty()) {
        out.append("<p>Zitierte Quellen: ").append(html(String.join(" · ", q.citedSources()))).append("</p>");
      }
      if (q.judgeNote() != null && !q.judgeNote().isBlank()) {
        out.append("<p>Judge (").append(html(result.run().judgeModel())).append("): ").append(html(q.judgeNote())).append("</p>");
      }
      out.append("<blockquote>").append(html(q.answer() == null ? q.error() : q.answer())).append("</blockquote></details>\n");
    }
    return out.append("</body></html>\n").toString();
  }

  private void comparison(Comparison comparison) {
    section("Vergleich mit dem Lauf vom " + comparison.before().startedAt());
    out.append("<p>Früher: Modell <strong>").append(html(comparison.before().model())).append("</strong> (Digest ")
        .append(html(comparison.before().modelDigest())).append(", Prompt ").append(html(comparison.before().promptVersion()))
        .append(").</p>\n");
    comparison.warnings().forEach(w -> out.append("<p class=\"warn\"><strong>Achtung:</strong> ").append(html(w)).append("</p>\n"));
    List<SvgCharts.Bar> before = new ArrayList<>();
    List<SvgCharts.Bar> after = new ArrayList<>();
    for (Comparison.Row row : comparison.rows()) {
      if (row.measure().unit() == Measure.Unit.PERCENT) {
        before.add(new SvgCharts.Bar(row.measure().german(), row.before(), row.measure().format(row.before()), SvgCharts.GREY));
        after.add(new SvgCharts.Bar(row.measure().german(), row.after(), row.measure().format(row.after()), SvgCharts.BLUE));
      }
    }
    if (!before.isEmpty()) {
      out.append(SvgCharts.pairs("chart-comparison", "Anteile: früherer Lauf und dieser Lauf", before, after, 1.0)).append('\n');
    }
    out.append("<p class=\"muted\">Zeiten schwanken von Lauf zu Lauf: Unterschiede unter 10 % (und unter 20 ms) ")
        .append("gelten als gleich.</p>\n");
    table(List.of("Messgröße", "früher", "jetzt", "Δ", ""), Set.of(1, 2, 3), comparison.rows().stream()
        .map(r -> List.of(html(r.measure().german()), html(r.measure().format(r.before())), html(r.measure().format(r.after())),
            html(r.measure().formatDelta(r.delta())),
            r.verdict() > 0 ? "<span class=\"ok\">besser</span>" : r.verdict() < 0 ? "<span class=\"bad\">schlechter</span>" : "gleich"))
        .toList());
    if (!comparison.changes().isEmpty()) {
      out.append("<p>Fragen mit anderem Ergebnis:</p>\n");
      table(List.of("Frage", "früher", "jetzt"), comparison.changes().stream()
          .map(c -> List.of(html(c.id()), html(c.before()), html(c.after()))).toList());
    }
  }

  private static List<SvgCharts.Bar> rateBars(EvaluationResult result) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (ReportContent.Overview row : ReportContent.overview(result)) {
      if (row.measure().unit() == Measure.Unit.PERCENT && row.value() != null) {
        double value = row.value();
        String colour = value >= 0.999 ? SvgCharts.GREEN : value >= 0.8 ? SvgCharts.BLUE : value >= 0.5 ? SvgCharts.AMBER : SvgCharts.RED;
        bars.add(new SvgCharts.Bar(row.measure().german(), value, row.measure().format(value), colour));
      }
    }
    return bars;
  }

  private static List<SvgCharts.Bar> categoryBars(EvaluationResult result) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (Summary.ByCategory row : result.summary().byCategory()) {
      Double value = row.kind().value();
      if (value != null) {
        String colour = value >= 0.999 ? SvgCharts.GREEN : value >= 0.8 ? SvgCharts.BLUE : value >= 0.5 ? SvgCharts.AMBER : SvgCharts.RED;
        bars.add(new SvgCharts.Bar(row.german(), value, ReportContent.rate(row.kind()), colour));
      }
    }
    return bars;
  }

  private static List<SvgCharts.Bar> questionCells(EvaluationResult result) {
    return result.questions().stream().filter(q -> q.factsRequired() != null).map(q -> {
      String colour = !"AI_GENERATED".equals(q.kind()) ? SvgCharts.GREY
          : q.factsFound().equals(q.factsRequired()) ? SvgCharts.GREEN : q.factsFound() == 0 ? SvgCharts.RED : SvgCharts.AMBER;
      return new SvgCharts.Bar(q.id(), q.factsFound(), "Fakten " + ReportContent.facts(q) + ", erhalten " + ReportContent.got(q), colour);
    }).toList();
  }

  private static List<SvgCharts.Bar> latencyBars(Summary s) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    addLatency(bars, "KI-Antwort synchron", s.latencyAiSync());
    addLatency(bars, "Stream: erstes Wort", s.firstToken());
    return bars;
  }

  private static void addLatency(List<SvgCharts.Bar> bars, String label, Percentiles p) {
    if (p.count() == 0) {
      return;
    }
    bars.add(new SvgCharts.Bar(label + " p50", p.p50(), ReportContent.millis(p.p50()) + " ms", SvgCharts.BLUE));
    bars.add(new SvgCharts.Bar(label + " p90", p.p90(), ReportContent.millis(p.p90()) + " ms", SvgCharts.BLUE));
    bars.add(new SvgCharts.Bar(label + " p99", p.p99(), ReportContent.millis(p.p99()) + " ms", SvgCharts.BLUE));
  }

  private static double maxLatency(Summary s) {
    double max = 0;
    for (Percentiles p : List.of(s.latencyAiSync(), s.firstToken())) {
      if (p.p99() != null) {
        max = Math.max(max, p.p99());
      }
    }
    return max;
  }

  private static List<String> percentiles(String label, Percentiles p) {
    return List.of(html(label), html(String.valueOf(p.count())), html(ReportContent.millis(p.p50())), html(ReportContent.millis(p.p90())),
        html(ReportContent.millis(p.p99())), html(ReportContent.millis(p.max())));
  }

  private static String mark(boolean ok, String text) {
    return "<span class=\"" + (ok ? "ok" : "bad") + "\">" + html(text) + "</span>";
  }

  private void section(String title) {
    out.append("<h2>").append(html(title)).append("</h2>\n");
  }

  /** Cells are HTML already (escaped by the caller); columns from {@code firstNumber} on are numbers. */
  private void table(List<String> header, List<List<String>> rows) {
    table(header, Set.of(), rows);
  }

  /** {@code numbers}: the columns shown right-aligned. */
  private void table(List<String> header, Set<Integer> numbers, List<List<String>> rows) {
    out.append("<table><thead><tr>");
    header.forEach(h -> out.append("<th scope=\"col\">").append(h).append("</th>"));
    out.append("</tr></thead><tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        out.append(numbers.contains(i) ? "<td class=\"num\">" : "<td>").append(row.get(i)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table>\n");
  }
}

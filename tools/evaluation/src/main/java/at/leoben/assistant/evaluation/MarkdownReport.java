package at.leoben.assistant.evaluation;

import static at.leoben.assistant.evaluation.Escape.markdown;

import java.util.List;

/** The report as Markdown, for the repository, a ticket or an e-mail. Everything from outside is escaped. */
final class MarkdownReport {

  private final StringBuilder out = new StringBuilder();

  private MarkdownReport() {}

  static String write(EvaluationResult result, Comparison comparison) {
    return new MarkdownReport().render(result, comparison);
  }

  private String render(EvaluationResult result, Comparison comparison) {
    line("# Evaluierung KI-Bürgerassistent Leoben");
    line("");
    line("Lauf vom " + markdown(result.run().startedAt()) + " gegen " + markdown(result.run().serviceUrl())
        + ", Modell **" + markdown(result.run().model()) + "**. Maschinenlesbar: `result.json` im selben Ordner.");
    line("");
    section("Lauf (run)");
    table(List.of("Angabe", "Wert"), ReportContent.run(result).stream()
        .map(l -> List.of(markdown(l.label()), markdown(l.value()))).toList());
    for (String warning : ReportContent.warnings(result)) {
      line("> **Achtung:** " + markdown(warning));
      line("");
    }

    section("Überblick (summary)");
    line("Korrektheit und Quellentreue zählen nur KI-Antworten: bekommt eine Frage, die eine KI-Antwort erwartet, "
        + "eine andere Antwort, zählen ihre Fakten als nicht gefunden. Die Werte stammen aus dem automatischen "
        + "Faktenabgleich (Groß-/Kleinschreibung und Leerraum egal), nur die Judge-Zeile von einem Modell.");
    line("");
    table(List.of("Messgröße", "Wert", "gezählt aus"), ReportContent.overview(result).stream()
        .map(o -> List.of(markdown(o.measure().german()), o.measure().format(o.value()), markdown(o.basis()))).toList());

    section("Je Kategorie (per category)");
    line(markdown(ReportContent.CATEGORY_EXPLANATION));
    line("");
    table(List.of("Kategorie", "Fragen", "richtige Art", "Bereich", "Sprache", "Fakten", "Quelle"), ReportContent.categories(result)
        .stream().map(c -> List.of(markdown(c.category()), c.questions(), c.kind(), c.area(), c.language(), c.facts(), c.cited()))
        .toList());

    section("KI-Kennzeichnung (label)");
    Rate labelled = result.summary().labelled();
    line(labelled.hits() + " von " + labelled.cases() + " Antworten mit KI-Text trugen das disclosure-Objekt mit "
        + "»KI-generiert« und den Header `AI-Disclosure`" + (labelled.hits() == labelled.cases() ? " (alle)." : "."));
    line("");
    List<QuestionResult> misses = ReportContent.labelMisses(result);
    if (!misses.isEmpty()) {
      table(List.of("Frage", "Weg", "Was fehlt"), misses.stream()
          .map(q -> List.of(markdown(q.id()), q.mode(), markdown(String.join("; ", q.labelProblems())))).toList());
    }

    section("Abweichungen von der Erwartung (hand-over, refusal, human request)");
    List<QuestionResult> disagreements = ReportContent.disagreements(result);
    if (disagreements.isEmpty()) {
      line("Jede Frage bekam die erwartete Art der Antwort.");
      line("");
    } else {
      table(List.of("Frage", "Text", "erwartet", "erhalten", "Anmerkung im Set"), disagreements.stream()
          .map(q -> List.of(markdown(q.id()), markdown(ReportContent.withPrevious(q)), markdown(q.expected()),
              markdown(ReportContent.got(q)), markdown(q.note()))).toList());
    }

    section("Antwortzeiten (latency, ms)");
    Summary s = result.summary();
    table(List.of("gemessen", "Anzahl", "p50", "p90", "p99", "max"), List.of(
        percentiles("KI-Antworten, synchron", s.latencyAiSync()),
        percentiles("alle Antworten, synchron", s.latencyAllSync()),
        percentiles("Stream: Zeit bis zum ersten Wort", s.firstToken()),
        percentiles("Stream: ganze KI-Antwort", s.streamTotal())));
    line("Gemessen beim Aufrufer, eine Frage nach der anderen, also mit Netz und Warteschlange des Dienstes.");
    line("");

    section("Tokens und Energie (tokens, energy)");
    line("- Tokens: " + markdown(ReportContent.usageTokens(s.usage())));
    line("- je KI-Antwort: " + Measure.TOKENS_PER_AI_ANSWER.format(s.usage().tokensPerAiAnswer()));
    line("- Energie: " + markdown(ReportContent.usageEnergy(s.usage())));
    line("- je KI-Antwort: " + Measure.ENERGY_WH_PER_AI_ANSWER.format(s.usage().energyWhPerAiAnswer()));
    line("");
    if ("metrics".equals(s.usage().tokensSource()) || "metrics".equals(s.usage().energySource())) {
      line("Aus den Zählern von `/q/metrics` vor und nach dem Lauf: anderer Verkehr zur selben Zeit zählt mit.");
      line("");
    }

    section("Zwei Leser: Sicherheitsnetz und Modell (understanding)");
    line("- " + markdown(ReportContent.understanding(s.usage())));
    line("");
    line("`layer=model`: nur das Modell hat die Absicht gelesen, nach der der Dienst geleitet hat (was das Netz übersah); "
        + "`layer=net`: nur das Sicherheitsnetz; `layer=both`: beide. Aus `/q/metrics` vor und nach dem Lauf.");
    line("");

    if (s.judged() > 0) {
      section("Judge-Modell");
      line("Die Spalte »Judge« stammt vom Modell **" + markdown(result.run().judgeModel()) + "**, das jede KI-Antwort "
          + "gegen die erwarteten Fakten mit 1 (falsch) bis 5 (vollständig richtig) bewertet hat. Das ist die Meinung "
          + "eines Modells, keine Prüfung durch Menschen. Mittel: " + Measure.JUDGE_MEAN.format(s.judgeMean())
          + " aus " + s.judged() + " Bewertungen.");
      line("");
    }

    if (comparison != null) {
      comparison(comparison);
    }

    section("Fragen im Einzelnen (per question)");
    table(List.of("Frage", "Spr.", "erwartet", "erhalten", "Fakten", "Quelle", "Label", "ms", "erstes Wort ms", "Tokens",
            s.judged() > 0 ? "Judge (Modell)" : "Judge"),
        result.questions().stream().map(q -> List.of(markdown(q.id()), markdown(ReportContent.language(q)), markdown(q.expected()),
            markdown(ReportContent.got(q)), ReportContent.facts(q), ReportContent.yesNo(q.sourceCited()),
            ReportContent.yesNo(q.labelled()), ReportContent.millis(q.latencyMs()), ReportContent.millis(q.firstTokenMs()),
            ReportContent.tokens(q), q.judgeScore() == null ? "–" : String.valueOf(q.judgeScore()))).toList());

    section("Fehlende Fakten und Antworten im Wortlaut");
    for (QuestionResult q : result.questions()) {
      if (q.factsRequired() == null || (q.missingFacts().isEmpty() && q.judgeScore() == null)) {
        continue;
      }
      line("**" + markdown(q.id()) + "** — " + markdown(ReportContent.withPrevious(q)));
      line("");
      if (!q.missingFacts().isEmpty()) {
        line("- fehlt: " + markdown(String.join(" · ", q.missingFacts())));
      }
      if (q.judgeNote() != null && !q.judgeNote().isBlank()) {
        line("- Judge (" + markdown(result.run().judgeModel()) + "): " + markdown(q.judgeNote()));
      }
      line("- Antwort: " + (q.answer() == null ? "–" : markdown(q.answer())));
      line("");
    }
    return out.toString();
  }

  private void comparison(Comparison comparison) {
    section("Vergleich mit dem Lauf vom " + markdown(comparison.before().startedAt()));
    line("Früher: Modell **" + markdown(comparison.before().model()) + "** (Digest " + markdown(comparison.before().modelDigest())
        + ", Prompt " + markdown(comparison.before().promptVersion()) + ").");
    line("");
    for (String warning : comparison.warnings()) {
      line("> **Achtung:** " + markdown(warning));
      line("");
    }
    line("Zeiten schwanken von Lauf zu Lauf: Unterschiede unter 10 % (und unter 20 ms) gelten als gleich.");
    line("");
    table(List.of("Messgröße", "früher", "jetzt", "Δ", ""), comparison.rows().stream()
        .map(r -> List.of(markdown(r.measure().german()), r.measure().format(r.before()), r.measure().format(r.after()),
            r.measure().formatDelta(r.delta()), r.verdict() > 0 ? "besser" : r.verdict() < 0 ? "**schlechter**" : "gleich"))
        .toList());
    if (!comparison.changes().isEmpty()) {
      line("Fragen mit anderem Ergebnis:");
      line("");
      table(List.of("Frage", "früher", "jetzt"), comparison.changes().stream()
          .map(c -> List.of(markdown(c.id()), markdown(c.before()), markdown(c.after()))).toList());
    }
  }

  private static List<String> percentiles(String label, Percentiles p) {
    return List.of(label, String.valueOf(p.count()), ReportContent.millis(p.p50()), ReportContent.millis(p.p90()),
        ReportContent.millis(p.p99()), ReportContent.millis(p.max()));
  }

  private void section(String title) {
    line("## " + title);
    line("");
  }

  private void table(List<String> header, List<List<String>> rows) {
    line("| " + String.join(" | ", header) + " |");
    line("|" + "---|".repeat(header.size()));
    for (List<String> row : rows) {
      line("| " + String.join(" | ", row) + " |");
    }
    line("");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}

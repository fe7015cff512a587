package at.leoben.assistant.probe;

import java.util.List;
import java.util.Locale;

/** The bias probe report as Markdown for the Digital.Team. */
final class ProbeMarkdown {

  private ProbeMarkdown() {}

  static String render(BiasReport report, List<BiasProbe.Row> rows) {
    ProbeTemplates.Persona reference = ProbeTemplates.PERSONAS.get(0);
    StringBuilder md = new StringBuilder();
    md.append("# Bias-Probe ").append(report.createdAt).append("\n\n")
        .append("Modell `").append(report.model).append("`, Prompt `").append(report.promptVersion).append("`. ")
        .append("Jede Frage wurde für jede Person gestellt; verglichen wird mit der Antwort für ")
        .append(reference.name()).append(" (").append(reference.group()).append(").\n\n")
        .append("**").append(report.flagged).append(" von ").append(report.pairs)
        .append(" Vergleichen auffällig** (Ablehnung anders, Länge ±")
        .append(Math.round(AnswerComparison.MAX_LENGTH_CHANGE * 100)).append(" %, Kanäle anders, Ton ±")
        .append(AnswerComparison.MAX_TONE_DIFFERENCE).append(", Inhaltsähnlichkeit unter ")
        .append(AnswerComparison.MIN_SIMILARITY).append(").\n\n");
    md.append("## Nach Person\n\n| Person | Gruppe | auffällig | Ablehnung anders | mittlere Ähnlichkeit |\n|---|---|---|---|---|\n");
    for (ProbeTemplates.Persona persona : ProbeTemplates.PERSONAS.subList(1, ProbeTemplates.PERSONAS.size())) {
      List<BiasProbe.Row> mine = rows.stream().filter(row -> row.persona().equals(persona)).toList();
      md.append("| ").append(persona.name()).append(" | ").append(persona.group()).append(" | ")
          .append(mine.stream().filter(row -> row.comparison().flagged()).count()).append(" / ").append(mine.size())
          .append(" | ").append(mine.stream().filter(row -> row.comparison().refusalDiffers()).count())
          .append(" | ").append(String.format(Locale.ROOT, "%.2f",
              mine.stream().mapToDouble(row -> row.comparison().similarity()).average().orElse(1)))
          .append(" |\n");
    }
    md.append("\n## Alle Vergleiche\n\n| Frage | Person | Ablehnung anders | Länge | Kanäle anders | Ton | Ähnlichkeit | auffällig |\n|---|---|---|---|---|---|---|---|\n");
    for (BiasProbe.Row row : rows) {
      AnswerComparison c = row.comparison();
      md.append("| ").append(row.question().replace("|", "\\|")).append(" | ").append(row.persona().name())
          .append(" | ").append(c.refusalDiffers() ? "ja" : "nein")
          .append(" | ").append(BiasProbe.percent(c.lengthChange()))
          .append(" | ").append(c.channelsDiffer() ? "ja" : "nein")
          .append(" | ").append(String.format(Locale.ROOT, "%+d", c.toneDifference()))
          .append(" | ").append(String.format(Locale.ROOT, "%.2f", c.similarity()))
          .append(" | ").append(c.flagged() ? "**ja**" : "nein").append(" |\n");
    }
    return md.toString();
  }
}

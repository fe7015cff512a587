package at.leoben.assistant.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This run next to an earlier one (typically: the candidate model against the approved one): the
 * difference in every measure both runs have, the questions whose outcome changed, and why the
 * two may not be comparable.
 */
public record Comparison(RunInfo before, List<Row> rows, List<Change> changes, List<String> warnings) {

  /** One measure in both runs. */
  public record Row(Measure measure, double before, double after) {
    public double delta() {
      return after - before;
    }

    /**
     * +1 better, −1 worse, 0 unchanged, by the measure's direction. Times vary from run to run:
     * a change below 10 % (and below 20 ms) counts as unchanged.
     */
    public int verdict() {
      double delta = delta();
      double noise = measure.unit() == Measure.Unit.MILLIS ? Math.max(0.1 * Math.abs(before), 20) : 1e-9;
      if (Math.abs(delta) < noise) {
        return 0;
      }
      return (delta > 0) == (measure.better() == Measure.Better.HIGHER) ? 1 : -1;
    }
  }

  /** A question whose kind or facts changed between the runs. */
  public record Change(String id, String before, String after) {}

  static Comparison of(EvaluationResult earlier, EvaluationResult now) {
    List<Row> rows = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      Double before = earlier.measures().get(measure);
      Double after = now.measures().get(measure);
      if (before != null && after != null) {
        rows.add(new Row(measure, before, after));
      }
    }
    List<Change> changes = new ArrayList<>();
    for (QuestionResult question : now.questions()) {
      QuestionResult old = earlier.question(question.id());
      if (old != null && !outcome(old).equals(outcome(question))) {
        changes.add(new Change(question.id(), outcome(old), outcome(question)));
      }
    }
    List<String> warnings = warnings(earlier.run(), now.run());
    if (!ids(earlier).equals(ids(now))) {
      warnings.add(0, "Die Läufe stellten nicht dieselben Fragen (" + earlier.questions().size() + " und "
          + now.questions().size() + "): die Messgrößen sind nicht vergleichbar, nur die Fragen beider Läufe.");
    }
    return new Comparison(earlier.run(), rows, changes, warnings);
  }

  private static Set<String> ids(EvaluationResult result) {
    return result.questions().stream().map(QuestionResult::id).collect(Collectors.toSet());
  }

  private static String outcome(QuestionResult question) {
    String kind = question.kind() == null ? "Fehler" : question.kind() + (question.reason() == null ? "" : "/" + question.reason());
    return question.factsRequired() == null ? kind : kind + ", Fakten " + question.factsFound() + "/" + question.factsRequired();
  }

  private static List<String> warnings(RunInfo before, RunInfo now) {
    List<String> warnings = new ArrayList<>();
    if (!Objects.equals(before.goldenSetSha256(), now.goldenSetSha256())) {
      warnings.add("Die beiden Läufe verwenden verschiedene Fassungen des Golden Sets: Unterschiede können auch an den Fragen liegen.");
    }
    if (before.streamEvery() != now.streamEvery()) {
      warnings.add("Die Läufe schickten verschieden viele Fragen über den Stream: Latenzen sind nur bedingt vergleichbar.");
    }
    if (!Objects.equals(before.serviceUrl(), now.serviceUrl())) {
      warnings.add("Die Läufe gingen an verschiedene Dienste (" + before.serviceUrl() + ", " + now.serviceUrl() + ").");
    }
    if (before.formatVersion() != now.formatVersion()) {
      warnings.add("Das frühere Ergebnis hat ein anderes Dateiformat (" + before.formatVersion() + ").");
    }
    return warnings;
  }
}

package at.leoben.assistant.evaluation;

/**
 * The command: {@code bash tools/evaluation/evaluate.sh --url http://127.0.0.1:8080} (see the
 * README, "Evaluating a model (pilot)").
 */
public final class Evaluate {

  private Evaluate() {}

  public static void main(String[] args) {
    EvaluationOptions options;
    try {
      options = EvaluationOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Evaluation.Outcome outcome = Evaluation.run(options, System.out);
    System.out.println();
    ReportContent.overview(outcome.result()).forEach(row ->
        System.out.printf("%-45s %10s  %s%n", row.measure().german(), row.measure().format(row.value()), row.basis()));
    System.out.println();
    System.out.println("Bericht: " + outcome.html().toAbsolutePath());
    System.out.println("         " + outcome.markdown().toAbsolutePath());
    System.out.println("Ergebnis für --compare: " + outcome.json().toAbsolutePath());
  }
}

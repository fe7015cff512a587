package at.leoben.assistant.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One evaluation: load the set, run it, compare, write report.md, report.html and result.json. */
public final class Evaluation {

  /** What was written where. */
  public record Outcome(EvaluationResult result, Comparison comparison, Path markdown, Path html, Path json) {}

  private Evaluation() {}

  public static Outcome run(EvaluationOptions options, PrintStream progress) {
    GoldenSet set = GoldenSet.load(options.set()).only(options.only());
    // Read the earlier result first: a wrong path should not cost a whole run.
    EvaluationResult earlier = options.compare() == null ? null : EvaluationResult.read(options.compare());
    progress.printf("Evaluierung: %d Fragen gegen %s%n", set.questions().size(), options.url());
    EvaluationResult result = new Runner(options, progress).run(set);
    Comparison comparison = earlier == null ? null : Comparison.of(earlier, result);
    try {
      Files.createDirectories(options.out());
      Path markdown = options.out().resolve("report.md");
      Path html = options.out().resolve("report.html");
      Path json = options.out().resolve("result.json");
      Files.writeString(markdown, MarkdownReport.write(result, comparison), StandardCharsets.UTF_8);
      Files.writeString(html, HtmlReport.write(result, comparison), StandardCharsets.UTF_8);
      result.write(json);
      return new Outcome(result, comparison, markdown, html, json);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report to " + options.out(), e);
    }
  }
}

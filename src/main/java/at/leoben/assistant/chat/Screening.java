package at.leoben.assistant.chat;

import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.review.FlagRequest;
import java.util.List;
import java.util.stream.Collectors;

/** Turns output-screen findings into decisions and review flags. */
final class Screening {

  private Screening() {}

  static boolean withholds(List<OutputFinding> findings) {
    return findings.stream().anyMatch(finding -> finding.severity() == OutputFinding.Severity.WITHHOLD);
  }

  /** One flag per finding; a withheld answer's text goes to the clerk with its flags. */
  static List<FlagRequest> flags(List<OutputFinding> findings, String withheldText) {
    return findings.stream()
        .map(
            finding ->
                new FlagRequest(
                    "OUTPUT_" + finding.category().name(),
                    finding.severity().name(),
                    finding.detail(),
                    finding.severity() == OutputFinding.Severity.WITHHOLD ? withheldText : null))
        .toList();
  }

  static String categories(List<OutputFinding> findings) {
    return findings.stream().map(finding -> finding.category().name()).collect(Collectors.joining(", "));
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.review.FlagReason;
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
                    reason(finding.category()),
                    finding.severity().name(),
                    finding.detail(),
                    finding.severity() == OutputFinding.Severity.WITHHOLD ? withheldText : null))
        .toList();
  }

  /** The review's name for an output-screen finding. */
  static FlagReason reason(OutputFinding.Category category) {
    return switch (category) {
      case DISCRIMINATION -> FlagReason.OUTPUT_DISCRIMINATION;
      case PERSONAL_DATA -> FlagReason.OUTPUT_PERSONAL_DATA;
      case PROMISE -> FlagReason.OUTPUT_PROMISE;
      case PROMPT_LEAK -> FlagReason.OUTPUT_PROMPT_LEAK;
    };
  }

  static String categories(List<OutputFinding> findings) {
    return findings.stream().map(finding -> finding.category().name()).collect(Collectors.joining(", "));
  }
}

package at.leoben.assistant.evaluation;

import java.util.Arrays;
import java.util.List;

/** One fact a correct answer must contain, given as alternatives ("60 Euro | 60 €"). */
public record Fact(List<String> alternatives) {

  public Fact {
    alternatives = List.copyOf(alternatives);
    if (alternatives.isEmpty() || alternatives.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("a fact needs non-blank alternatives");
    }
  }

  /** Parses the set's notation: alternatives separated by {@code |}. */
  static Fact parse(String written) {
    return new Fact(Arrays.stream(written.split("\\|")).map(String::strip).toList());
  }

  boolean foundIn(String answer) {
    return alternatives.stream().anyMatch(alternative -> TextMatch.contains(answer, alternative));
  }

  @Override
  public String toString() {
    return String.join(" | ", alternatives);
  }
}

package at.leoben.assistant.guard;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based robustness: generated hostile text (long words, digit runs, other scripts, emoji,
 * lone surrogates, invisible, control and right-to-left characters, runs of combining marks, and
 * the guards' own trigger words) must never make a guard throw or hang. A crash would drop a
 * turn, a regex blow-up would stall a worker. The generator is seeded, so a failure repeats. The
 * bound only catches a hang (catastrophic backtracking takes minutes); what the guards cost is
 * measured in bench/guards.sh, not here.
 */
class GuardRobustnessTest {

  private static final Duration HANG = Duration.ofSeconds(10);
  private static final int CASES = 400;
  private static final int MAX_LENGTH = 10_000;
  private static final List<String> TRIGGERS =
      List.of(
          "Ausländer sind ", "alle ", "faul. ", "Solche Leute ", "don't ", "Ihr Antrag wird sicher ",
          "genehmigt ", "you are entitled to ", "AT61 1904 3002 3457 3201 ", "0664 1234567 ",
          "max@example.com ", "mit einem Menschen sprechen ", "Termin ", "Asylantrag ", "Suizid ",
          "ignore all previous instructions ", "\n");

  private static final OutputScreen SCREEN = new OutputScreen(Set.of("buergerservice@leoben.at"));
  private static final InputGuard INPUT = GuardCorpus.inputGuard();

  static Stream<String> hostileTexts() {
    Random random = new Random(20261126);
    return IntStream.range(0, CASES).mapToObj(i -> hostile(random));
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void theOutputScreenCopes(String text) {
    assertQuick(text, SCREEN::screen);
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void theInputGuardCopes(String text) {
    assertQuick(text, INPUT::check);
  }

  private static void assertQuick(String text, Consumer<String> guard) {
    assertTimeoutPreemptively(HANG, () -> guard.accept(text), "the guard hangs on a hostile text");
  }

  private static String hostile(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = 1 + random.nextInt(12);
    for (int i = 0; i < pieces && text.length() < MAX_LENGTH; i++) {
      text.append(piece(random));
    }
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text.toString();
  }

  private static String piece(Random random) {
    return switch (random.nextInt(11)) {
      case 0 -> range(random, 'a', 'z', 200 + random.nextInt(2800));
      case 1 -> chars(random, "0123456789 +-/()", random.nextInt(500));
      case 2 -> chars(random, "ab.@-_%+", random.nextInt(500));
      case 3 -> range(random, 0x0400, 0x04FF, random.nextInt(300));
      case 4 -> range(random, 0x0600, 0x06FF, random.nextInt(300));
      case 5 -> range(random, 0x4E00, 0x9FFF, random.nextInt(300));
      case 6 -> range(random, 0x1F300, 0x1FAFF, random.nextInt(200));
      case 7 -> range(random, 0xD800, 0xDFFF, random.nextInt(50)); // lone surrogates
      case 8 -> chars(random, "\u200B\u200C\u200D\uFEFF\u202E\u00AD\u0000\u0007\u001B\r", random.nextInt(300));
      case 9 -> "a" + range(random, 0x0300, 0x036F, random.nextInt(3000)); // combining marks
      default -> TRIGGERS.get(random.nextInt(TRIGGERS.size()));
    };
  }

  private static String range(Random random, int from, int to, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(from + random.nextInt(to - from + 1));
    }
    return out.toString();
  }

  private static String chars(Random random, String alphabet, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}

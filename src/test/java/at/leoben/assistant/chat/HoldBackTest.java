package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hold-back of a streamed answer: whole sentences at once, a long sentence or a long wait not forever. */
class HoldBackTest {

  private static final HoldBack BOUND = new HoldBack(240, Duration.ofSeconds(3));

  /** A held text and how long it was held. */
  record Held(String text, Duration heldFor) {}

  /**
   * 500 generated cases from a fixed seed (reproducible): words, spaces, sentence ends and line
   * breaks in any mix, up to about three times the bound, held up to 10 s.
   */
  static Stream<Held> held() {
    Random random = new Random(20261206);
    String alphabet = "abcäß      .!?\n,";
    return Stream.generate(
            () -> {
              StringBuilder text = new StringBuilder();
              int length = random.nextInt(700);
              for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
              }
              return new Held(text.toString(), Duration.ofMillis(random.nextInt(10_000)));
            })
        .limit(500);
  }

  @ParameterizedTest
  @MethodSource("held")
  void releasesAPrefixOfWhatIsHeld(Held held) {
    assertThat(BOUND.releasable(held.text(), held.heldFor())).isBetween(0, held.text().length());
  }

  @ParameterizedTest
  @MethodSource("held")
  void neverHoldsMoreThanTheBoundOrLongerThanTheWait(Held held) {
    int cut = BOUND.releasable(held.text(), held.heldFor());
    if (BOUND.overdue(held.text(), held.heldFor())) {
      assertThat(cut).as("something goes out").isPositive();
      assertThat(held.text().length() - cut).as("what stays is under the bound").isLessThan(240);
      // What stays is the one word still being written (with the space before it), never two.
      assertThat(held.text().substring(cut).strip()).doesNotContainPattern("\\s");
    }
  }

  @ParameterizedTest
  @MethodSource("held")
  void withinTheBoundsOnlyWholeSentencesGo(Held held) {
    String text = held.text().substring(0, Math.min(held.text().length(), 239));
    int cut = BOUND.releasable(text, Duration.ofMillis(held.heldFor().toMillis() % 3_000));
    assertThat(text.substring(0, cut)).matches("(?s)(|.*\\n|.*[.!?])");
    if (cut > 0 && text.charAt(cut - 1) != '\n') {
      assertThat(Character.isWhitespace(text.charAt(cut))).as("a sentence end is followed by a space").isTrue();
    }
  }

  @Test
  void aLongSentenceGoesOutWordByWordOnceItHasWaited() {
    String held = " Die Anmeldung eines Wohnsitzes erfolgt beim Bürgerservice im Rathaus";

    assertThat(BOUND.releasable(held, Duration.ofMillis(2_999))).isZero();
    assertThat(held.substring(0, BOUND.releasable(held, Duration.ofSeconds(3))))
        .isEqualTo(" Die Anmeldung eines Wohnsitzes erfolgt beim Bürgerservice im");
  }

  @Test
  void aSentenceEndGoesAtOnceAndTheNextSentenceWaits() {
    assertThat(BOUND.releasable("Das Amt ist offen. Am Montag", Duration.ZERO)).isEqualTo(18);
    assertThat(BOUND.releasable("Das Amt ist offen.", Duration.ZERO)).as("the sentence may go on: 3.5").isZero();
  }

  @Test
  void tooManyCharactersGoOutWithoutWaiting() {
    String held = "wort ".repeat(48) + "halb";

    assertThat(BOUND.releasable(held, Duration.ZERO)).isEqualTo(held.length() - " halb".length());
  }

  @Test
  void oneWordAloneGoesOutWhenItHasWaited() {
    assertThat(BOUND.releasable(" Rathaus", Duration.ofSeconds(4))).isEqualTo(8);
    assertThat(BOUND.releasable("x".repeat(300), Duration.ZERO)).isEqualTo(300);
  }

  @Test
  void nothingHeldIsNeverDue() {
    assertThat(BOUND.overdue("", Duration.ofMinutes(1))).isFalse();
    assertThat(BOUND.releasable("", Duration.ofMinutes(1))).isZero();
  }
}

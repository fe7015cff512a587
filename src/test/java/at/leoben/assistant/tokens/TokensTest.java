package at.leoben.assistant.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The estimate behind the prompt budgets: word pieces of about four bytes, punctuation apart. */
class TokensTest {

  @Test
  void shortWordsAndPunctuationAreOneTokenEach() {
    assertThat(Tokens.estimate("")).isZero();
    assertThat(Tokens.estimate("   \n\n ")).isZero();
    assertThat(Tokens.estimate("Wo ist das Rathaus?")).isEqualTo(1 + 1 + 1 + 2 + 1);
  }

  @Test
  void longWordsAndUmlautsCostMore() {
    // 13 letters + one umlaut (two bytes) = 14 bytes: four pieces.
    assertThat(Tokens.estimate("Bürgerservice")).isEqualTo(4);
    assertThat(Tokens.estimate("Buergerservice")).isEqualTo(4);
    assertThat(Tokens.estimate("Öffnungszeiten")).isGreaterThan(Tokens.estimate("Offnungszeiten") - 1);
    assertThat(Tokens.estimate("Хто відповідає?")).isGreaterThan(Tokens.estimate("Who is in charge?"));
  }

  @Test
  void aGermanCityTextLandsBetweenThreeAndFourCharactersPerToken() {
    String text =
        "Das Bürgerservice im Rathaus Leoben (Erzherzog-Johann-Straße 2) ist Montag bis Donnerstag von"
            + " 7:30 bis 16 Uhr und am Freitag bis 12 Uhr geöffnet. Telefon: +43 3842 4062-0.";
    double charsPerToken = (double) text.length() / Tokens.estimate(text);
    assertThat(charsPerToken).isBetween(2.5, 4.0);
  }
}

package at.leoben.assistant.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Output no citizen can read goes to the human channels instead of being shown as an answer. */
class OutputSanityTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n\n\t ", "...", "?!", "12345", "1. 2. 3.", "-- -- --", "\u00A0\u2003"})
  void rejectsEmptyOrLetterlessOutput(String text) {
    assertFalse(OutputSanity.isUsable(text), () -> "accepted: " + text);
  }

  @Test
  void rejectsMostlyControlCharacters() {
    assertFalse(OutputSanity.isUsable("Hallo" + "\u0000".repeat(40)));
    assertFalse(OutputSanity.isUsable("Antwort\u0007\u001B\u0000\u0001\u0002 ok"));
  }

  @Test
  void rejectsMostlyReplacementCharacters() {
    // What a broken decoder produces: U+FFFD where the umlauts and more should be.
    assertFalse(OutputSanity.isUsable("\uFFFD\uFFFD\uFFFDa\uFFFD\uFFFD"));
    assertFalse(OutputSanity.isUsable("Die Antwort: " + "\uFFFD".repeat(30)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ja.",
        "Das Altstoffsammelzentrum hat Montag bis Freitag geöffnet.",
        "Öffnungszeiten des Bürgerservice:\n- Mo–Mi 07:30–12:30\r\n- Do 07:30–18:00\n\tBitte Ausweis mitbringen. Grüße!",
        "ÄÖÜ äöü ß – 2 € Gebühr",
      })
  void acceptsNormalGermanText(String text) {
    assertTrue(OutputSanity.isUsable(text), text);
  }

  @Test
  void toleratesAStrayReplacementCharacterInALongAnswer() {
    String answer =
        "Für die Anmeldung des Hauptwohnsitzes benötigen Sie einen Lichtbildausweis und das"
            + " ausgefüllte Meldezettel-Formular.\uFFFD Die Anmeldung ist gebührenfrei.";
    assertTrue(OutputSanity.isUsable(answer));
  }
}

package at.leoben.assistant.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A citizen who asks for a person gets the human channels, not the model. */
class HumanRequestDetectorTest {

  private static final HumanRequestDetector DETECTOR = new HumanRequestDetector();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ich möchte mit einem Menschen sprechen",
        "Kann ich einen Mitarbeiter sprechen?",
        "Ich brauche einen Termin",
        "MITARBEITERIN bitte",
        "Können Sie mich zurückrufen?",
        "I want to talk to a human",
        "Can I speak to someone?",
        "I need an appointment",
        "real person please",
        "Kann ich   mit\n jemandem reden?",
        "Können Sie mich zuru\u0308ckrufen?",
      })
  void requestsForAPersonAreDetected(String message) {
    assertTrue(DETECTOR.asksForHuman(message), message);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Wann hat das Altstoffsammelzentrum offen?",
        "Wie melde ich meinen Hauptwohnsitz an?",
        "Was kostet ein Parkausweis?",
        "Where can I register my dog?",
        // Word boundaries: a person-word inside a longer word is no request for a person.
        "Menschenrechte in Leoben",
        "Wie viele Menschen leben in Leoben?",
        "Wie viele Mitarbeiter hat die Stadtverwaltung?",
        "Was ist ein Beamter?",
        "Wann muss ich den Termin für die Hundesteuer einhalten?",
        "Gibt es einen Operator für Taxis?",
        "Personalausweis beantragen",
        "Wann ist der nächste Abholtermin für Sperrmüll?",
      })
  void ordinaryCityQuestionsGoToTheAssistant(String message) {
    assertFalse(DETECTOR.asksForHuman(message), message);
  }
}

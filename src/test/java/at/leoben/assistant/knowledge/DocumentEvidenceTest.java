package at.leoben.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which unknown words may raise the bar: only those a German message does not write in lower case. */
class DocumentEvidenceTest {

  @Test
  void aMessageThatCapitalisesItsNounsTellsVerbsAndAdverbsApart() {
    assertThat(DocumentEvidence.lowerCaseWords("Wann wird bei uns in Göss der Restmüll abgeholt?"))
        .contains("abgeholt", "wird", "uns")
        .doesNotContain("restmüll", "göss", "wann");
    // The first word of a sentence is capitalised anyway; it says nothing about the message.
    assertThat(DocumentEvidence.lowerCaseWords("Öffnungszeiten der Stadtbücherei? Ziemlich spät.")).contains("der", "spät");
  }

  @Test
  void inAllLowerCaseAllCapitalsOrEnglishEveryWordMayBeANoun() {
    assertThat(DocumentEvidence.lowerCaseWords("wie melde ich mein kind in der musikschule an")).isEmpty();
    assertThat(DocumentEvidence.lowerCaseWords("WO IST DIE MUSIKSCHULE? ICH FINDE SIE NICHT")).isEmpty();
    assertThat(DocumentEvidence.lowerCaseWords("What time does the outdoor pool open in summer?")).isEmpty();
  }
}

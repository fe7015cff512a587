package at.leoben.assistant.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowUpTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "und am freitag?",
        "bis wann?",
        "wie lang hab ich zeit?",
        "Was passiert, wenn ich keinen habe?",
        "muss ich da hin?",
        "kriag i des a wenn i nix hob?",
        "and what about it?",
        "Und was kann ich da tun?"
      })
  void aMessageThatNamesNoTopicOfItsOwnRefersBack(String message) {
    assertThat(FollowUp.isElliptical(message)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Wann hat das Standesamt am Freitag offen?",
        "Wie melde ich meinen Hund an?",
        "Was kostet ein Reisepass für ein Kind?",
        "Where do I register my new address in Leoben?"
      })
  void aQuestionWithItsOwnTopicStandsAlone(String message) {
    assertThat(FollowUp.isElliptical(message)).isFalse();
  }
}

package at.leoben.assistant.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A citizen's question is answered in the language it is written in; the client's choice is a hint. */
class LanguageDetectionTest {

  private static LanguageDetection detection;

  @BeforeAll
  static void load() {
    detection = new LanguageDetection();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "de | Wo kann ich meinen Hund in Leoben anmelden?",
        "en | Where can I register my dog in Leoben?",
        "hr | Gdje mogu prijaviti svog psa u Leobenu?",
        "tr | Leoben'de köpeğimi nereye kaydettirebilirim?",
        "ro | Unde îmi pot înregistra câinele în Leoben?",
        "hu | Hol tudom bejelenteni a kutyámat Leobenben?",
        "uk | Де я можу зареєструвати свого собаку в Леобені?",
        "ar | أين يمكنني تسجيل كلبي في ليوبن؟",
      })
  void detectsTheLanguageOfAQuestion(String code, String question) {
    assertThat(detection.choose(null, question)).isEqualTo(Language.fromCode(code));
  }

  @Test
  void theHintDecidesWithinBosnianCroatianSerbian() {
    String question = "Gdje mogu prijaviti svog psa u Leobenu?";
    assertThat(detection.choose(Language.fromCode("bs"), question).code()).isEqualTo("bs");
    assertThat(detection.choose(Language.fromCode("sr"), question).code()).isEqualTo("sr");
  }

  @Test
  void aShortWordKeepsTheHint() {
    assertThat(detection.choose(Language.EN, "Hallo")).isSameAs(Language.EN);
    assertThat(detection.choose(null, "Reisepass")).isNull();
  }

  @Test
  void aClearlyTurkishQuestionFromAGermanPageIsAnsweredInTurkish() {
    assertThat(detection.choose(Language.DE, "Çöp kutusu ne zaman boşaltılıyor?").code()).isEqualTo("tr");
  }
}

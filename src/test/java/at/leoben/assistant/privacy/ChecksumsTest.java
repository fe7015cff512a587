package at.leoben.assistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks shared by the redactor and the output screen. */
class ChecksumsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AT611904300234573201", "at611904300234573201", "DE89370400440532013000", "GB29NWBK60161331926819",
        "CH9300762011623852957", "IT60X0542811101000000123456", "FR1420041010050500013M02606", "NL91ABNA0417164300",
        "BE68539007547034", "NO9386011117947",
      })
  void validIbansPass(String iban) {
    assertThat(Checksums.validIban(iban)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AT611904300234573202", // check digit off by one
        "AT6119043002345732011", // one character too many for Austria
        "XX611904300234573201", // no such country
        "ATxx1904300234573201", // check digits must be digits
        "AT61 1904 3002 3457 3201", // spaces are the caller's to remove
        "AT61190430023457320!",
        "",
      })
  void invalidIbansFail(String iban) {
    assertThat(Checksums.validIban(iban)).isFalse();
  }

  @Test
  void ibanLengthsAreByCountryInAnyCase() {
    assertThat(Checksums.ibanLength("AT")).isEqualTo(20);
    assertThat(Checksums.ibanLength("de")).isEqualTo(22);
    assertThat(Checksums.ibanLength("NO")).isEqualTo(15);
    assertThat(Checksums.ibanLength("US")).isZero();
    assertThat(Checksums.ibanLength("A")).isZero();
  }

  @Test
  void luhnAcceptsCardNumbersAndRejectsOthers() {
    assertThat(Checksums.luhn("4111111111111111")).isTrue();
    assertThat(Checksums.luhn("378282246310005")).isTrue();
    assertThat(Checksums.luhn("4111111111111112")).isFalse();
    assertThat(Checksums.luhn("4111 1111 1111 1111")).isFalse();
    assertThat(Checksums.luhn("")).isFalse();
  }

  @Test
  void socialSecurityCheckDigitIsTheWeightedSumMod11() {
    // 1237 010180: 3*1 + 7*2 + 9*3 + 5*0 + 8*1 + 4*0 + 2*1 + 1*8 + 6*0 = 62, 62 mod 11 = 7.
    assertThat(Checksums.validSvnr("1237010180")).isTrue();
    assertThat(Checksums.validSvnr("4566150372")).isTrue();
    assertThat(Checksums.validSvnr("1238010180")).isFalse();
    // Right check digits, impossible dates: day 00 (sum 63, mod 11 = 8), month 13 (sum 70, mod 11 = 4).
    assertThat(Checksums.validSvnr("1248000180")).isFalse();
    assertThat(Checksums.validSvnr("1234011380")).isFalse();
    assertThat(Checksums.validSvnr("123701018")).isFalse();
    assertThat(Checksums.validSvnr("12370101800")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "'+43 3842 4062-0', 43384240620",
    "'0043 3842 40620', 43384240620",
    "'03842/4062-0', 43384240620",
    "'+43 (0)3842 4062 0', 43384240620",
    "'0800 222 555', 43800222555",
    "142, 142",
    "' Buergerservice@Leoben.AT ', buergerservice@leoben.at",
  })
  void contactsAreComparedInOneNormalForm(String contact, String normal) {
    assertThat(Checksums.normaliseContact(contact)).isEqualTo(normal);
  }

  @Test
  void digitsKeepOnlyAsciiDigits() {
    assertThat(Checksums.digits("+43 (0)664/12-34")).isEqualTo("4306641234");
    assertThat(Checksums.digits("keine")).isEmpty();
  }
}

package at.leoben.assistant.privacy;

import java.util.Locale;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * The checks that tell personal numbers from other numbers: IBAN (country format and mod 97) and
 * Luhn for card numbers from commons-validator, the Austrian social-security check digit (no library
 * has it), and the normal form in which contacts are compared.
 */
final class Checksums {

  private static final int[] SVNR_WEIGHTS = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};

  private static final IBANValidator IBANS = IBANValidator.getInstance();

  private Checksums() {}

  /** The IBAN length of a two-letter country code (any case), or 0 for a country without IBANs. */
  static int ibanLength(CharSequence countryCode) {
    if (countryCode.length() != 2) {
      return 0;
    }
    IBANValidator.Validator country = IBANS.getValidator(countryCode.toString().toUpperCase(Locale.ROOT));
    return country == null ? 0 : country.getIbanLength();
  }

  /** A compact IBAN (no spaces, any case): its country's format and mod-97 check (commons-validator). */
  static boolean validIban(CharSequence iban) {
    return IBANS.isValid(iban.toString().toUpperCase(Locale.ROOT));
  }

  /** The Luhn check that every payment-card number passes: digits only, the last one the check. */
  static boolean luhn(CharSequence digits) {
    return digits.length() > 0 && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits.toString());
  }

  /**
   * An Austrian social-security number as ten digits: serial (3), check digit, birth date ddmmyy.
   * The check digit is the weighted sum mod 11 (a sum of 10 leaves the serial unused); day and
   * month must be plausible.
   */
  static boolean validSvnr(CharSequence digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      if (!isDigit(digits.charAt(i))) {
        return false;
      }
      sum += SVNR_WEIGHTS[i] * (digits.charAt(i) - '0');
    }
    int check = sum % 11;
    int day = (digits.charAt(4) - '0') * 10 + digits.charAt(5) - '0';
    int month = (digits.charAt(6) - '0') * 10 + digits.charAt(7) - '0';
    return check != 10
        && check == digits.charAt(3) - '0'
        && day >= 1 && day <= 31
        && month >= 1 && month <= 12;
  }

  /** The ASCII digits of a text, in order. */
  static String digits(CharSequence text) {
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (isDigit(text.charAt(i))) {
        digits.append(text.charAt(i));
      }
    }
    return digits.toString();
  }

  /**
   * Contacts in the form they are compared in. E-mail addresses lower case; phone numbers digits
   * only, with country code and without the trunk 0: "+43 3842 4062-0", "0043 3842 40620" and
   * "03842/4062-0" all become 43384240620. Numbers without a leading + or 0 keep their digits.
   */
  static String normaliseContact(String contact) {
    String lower = contact.strip().toLowerCase(Locale.ROOT);
    if (lower.contains("@")) {
      return lower;
    }
    String digits = digits(lower.replace("(0)", ""));
    if (lower.startsWith("+")) {
      return digits;
    }
    if (digits.startsWith("00")) {
      return digits.substring(2);
    }
    return digits.startsWith("0") ? "43" + digits.substring(1) : digits;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

package at.leoben.assistant.privacy;

import java.util.Locale;
import java.util.Map;

/**
 * The one implementation of the checks that tell personal numbers from other numbers: IBAN
 * (country length and mod 97), Luhn for card numbers, the Austrian social-security check digit,
 * and the normal form in which contacts are compared. Shared by the redactor and the output screen.
 */
public final class Checksums {

  private static final int[] SVNR_WEIGHTS = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};

  /** IBAN lengths by country, from the SWIFT IBAN registry. */
  private static final Map<String, Integer> IBAN_LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20),
          Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22),
          Map.entry("BH", 22), Map.entry("BI", 27), Map.entry("BR", 29), Map.entry("BY", 28),
          Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
          Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
          Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18),
          Map.entry("FK", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
          Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27),
          Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21), Map.entry("HU", 28),
          Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
          Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
          Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20),
          Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27),
          Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
          Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
          Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24),
          Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29),
          Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33), Map.entry("SA", 24),
          Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
          Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
          Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
          Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20),
          Map.entry("YE", 30));

  private Checksums() {}

  /** The IBAN length of a two-letter country code (any case), or 0 for a country without IBANs. */
  public static int ibanLength(CharSequence countryCode) {
    if (countryCode.length() != 2) {
      return 0;
    }
    return IBAN_LENGTHS.getOrDefault(countryCode.toString().toUpperCase(Locale.ROOT), 0);
  }

  /** A compact IBAN (no spaces, any case): the country's length, two check digits, mod 97 = 1. */
  public static boolean validIban(CharSequence iban) {
    int length = iban.length();
    if (length < 5 || ibanLength(iban.subSequence(0, 2)) != length || !isDigit(iban.charAt(2)) || !isDigit(iban.charAt(3))) {
      return false;
    }
    int remainder = 0;
    // The country code and check digits count last, so the walk starts at the fifth character.
    for (int i = 0; i < length; i++) {
      char c = iban.charAt((i + 4) % length);
      int value = Character.digit(c, 36);
      if (value < 0 || c > 'z') {
        return false;
      }
      remainder = (value < 10 ? remainder * 10 : remainder * 100) + value;
      remainder %= 97;
    }
    return remainder == 1;
  }

  /** The Luhn check that every payment-card number passes: digits only, the last one the check. */
  public static boolean luhn(CharSequence digits) {
    if (digits.length() == 0) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(digits.length() - 1 - i);
      if (!isDigit(c)) {
        return false;
      }
      int digit = c - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  /**
   * An Austrian social-security number as ten digits: serial (3), check digit, birth date ddmmyy.
   * The check digit is the weighted sum mod 11 (a sum of 10 leaves the serial unused); day and
   * month must be plausible.
   */
  public static boolean validSvnr(CharSequence digits) {
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
  public static String digits(CharSequence text) {
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
  public static String normaliseContact(String contact) {
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

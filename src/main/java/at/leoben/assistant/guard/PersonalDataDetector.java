package at.leoben.assistant.guard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds e-mail addresses, IBANs, card numbers, phone numbers and Austrian social-security numbers.
 * Numbers are validated (checksums, dates) so that prices, dates and file numbers pass. Each kind
 * found is blanked out before the next is looked for, so an IBAN is not also read as a phone.
 */
final class PersonalDataDetector {

  private static final Pattern EMAIL =
      Pattern.compile("(?<![a-z0-9._%+-])[a-z0-9._%+-]++@(?:[a-z0-9-]++\\.)+[a-z]{2,}+");
  private static final Pattern IBAN =
      Pattern.compile("(?<![a-z0-9])[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){2,7}+(?: ?[a-z0-9]{1,3})?");
  private static final Pattern CARD = Pattern.compile("(?<![\\d+])[2-6]\\d{3}(?:[ -]?\\d){9,15}+(?!\\d)");
  private static final Pattern PHONE =
      Pattern.compile("(?<![a-z0-9+/.,-])(?:\\+|0)(?:[ /-]?(?:\\(0\\) ?)?\\d){6,16}+(?!\\d)");
  private static final Pattern DATE = Pattern.compile("\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}");
  private static final Pattern SSN = Pattern.compile("(?<![\\d+])[1-9]\\d{3} ?\\d{6}(?!\\d)");
  // The shortest number worth a look: a Vienna landline, "01 4000 0".
  private static final int SPAN_DIGITS = 7;
  private static final int SPAN_GAP = 6;
  private static final int SPAN_MARGIN = 4;
  private static final int[] SSN_WEIGHTS = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};
  private static final Map<String, Integer> IBAN_LENGTHS =
      Map.ofEntries(
          Map.entry("ad", 24), Map.entry("al", 28), Map.entry("at", 20), Map.entry("ba", 20),
          Map.entry("be", 16), Map.entry("bg", 22), Map.entry("ch", 21), Map.entry("cy", 28),
          Map.entry("cz", 24), Map.entry("de", 22), Map.entry("dk", 18), Map.entry("ee", 20),
          Map.entry("es", 24), Map.entry("fi", 18), Map.entry("fr", 27), Map.entry("gb", 22),
          Map.entry("gr", 27), Map.entry("hr", 21), Map.entry("hu", 28), Map.entry("ie", 22),
          Map.entry("is", 26), Map.entry("it", 27), Map.entry("li", 21), Map.entry("lt", 20),
          Map.entry("lu", 20), Map.entry("lv", 21), Map.entry("mc", 27), Map.entry("me", 22),
          Map.entry("mk", 19), Map.entry("mt", 31), Map.entry("nl", 18), Map.entry("no", 15),
          Map.entry("pl", 28), Map.entry("pt", 25), Map.entry("ro", 24), Map.entry("rs", 22),
          Map.entry("se", 24), Map.entry("si", 19), Map.entry("sk", 24), Map.entry("sm", 27),
          Map.entry("tr", 26), Map.entry("ua", 29), Map.entry("xk", 20));

  /** In the order a finding names them. */
  private enum Kind {
    EMAIL("e-mail address"),
    IBAN("IBAN"),
    CARD("credit-card number"),
    PHONE("phone number"),
    SSN("social-security number");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private final Set<String> allowed;

  PersonalDataDetector(Set<String> allowedContacts) {
    this.allowed = allowedContacts.stream().map(PersonalDataDetector::normalise).collect(Collectors.toUnmodifiableSet());
  }

  /** The kinds of personal data in the flat folded answer ("e-mail address, IBAN"), or null. */
  String kinds(String flat) {
    StringBuilder text = new StringBuilder(flat);
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    if (flat.indexOf('@') >= 0) {
      scan(text, 0, text.length(), EMAIL, email -> !allowed.contains(email), Kind.EMAIL, kinds);
    }
    // Most of an answer is words; the number patterns only run where digits cluster.
    for (int[] span : numberSpans(text)) {
      scan(text, span[0], span[1], IBAN, PersonalDataDetector::validIbanPrefix, Kind.IBAN, kinds);
      scan(text, span[0], span[1], CARD, number -> luhn(digits(number)), Kind.CARD, kinds);
      scan(text, span[0], span[1], PHONE, this::unlistedPhone, Kind.PHONE, kinds);
      scan(text, span[0], span[1], SSN, number -> validSsn(digits(number)), Kind.SSN, kinds);
    }
    return kinds.isEmpty() ? null : kinds.stream().map(kind -> kind.label).collect(Collectors.joining(", "));
  }

  /**
   * Stretches of text holding at least {@value #SPAN_DIGITS} digits, none further than {@value
   * #SPAN_GAP} characters from the next ("gb29 nwbk 6016"), widened to take in a leading "+", an
   * IBAN's country code and the letters some IBANs end in.
   */
  private static List<int[]> numberSpans(CharSequence text) {
    List<int[]> spans = new ArrayList<>();
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i <= text.length(); i++) {
      boolean digit = i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
      if (!digit && i < text.length()) {
        continue;
      }
      if (first >= 0 && (i == text.length() || i - last - 1 > SPAN_GAP)) {
        if (count >= SPAN_DIGITS) {
          spans.add(new int[] {Math.max(0, first - SPAN_MARGIN), Math.min(text.length(), last + 1 + SPAN_MARGIN)});
        }
        first = -1;
        count = 0;
      }
      if (digit) {
        first = first < 0 ? i : first;
        last = i;
        count++;
      }
    }
    return spans;
  }

  private static void scan(
      StringBuilder text, int from, int to, Pattern pattern, Predicate<String> counts, Kind kind, Set<Kind> kinds) {
    // Transparent bounds: the look-arounds still see the characters around the span.
    Matcher matcher = pattern.matcher(text).region(from, to).useTransparentBounds(true);
    while (matcher.find()) {
      if (counts.test(matcher.group())) {
        kinds.add(kind);
        // Blanked with a letter: look-behinds then refuse to start a number inside it.
        for (int i = matcher.start(); i < matcher.end(); i++) {
          text.setCharAt(i, 'x');
        }
      }
    }
  }

  private boolean unlistedPhone(String candidate) {
    if (DATE.matcher(candidate).matches()) {
      return false;
    }
    boolean international = candidate.startsWith("+") || candidate.startsWith("00");
    int digits = digits(candidate.replace("(0)", "")).length();
    return digits >= (international ? 9 : 7) && !allowed.contains(normalise(candidate));
  }

  /**
   * E-mail addresses lower case; phone numbers digits only, with country code and without the
   * trunk 0: "+43 3842 4062-0", "0043 3842 40620" and "03842/4062-0" all become 43384240620.
   */
  static String normalise(String contact) {
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

  private static String digits(String text) {
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.toString();
  }

  /** The candidate may run into the next word, so only the country's IBAN length is checked. */
  private static boolean validIbanPrefix(String candidate) {
    String compact = candidate.replace(" ", "");
    Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
    return length != null && compact.length() >= length && ibanChecksum(compact.substring(0, length));
  }

  private static boolean ibanChecksum(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      int value = Character.digit(rearranged.charAt(i), 36);
      remainder = (value < 10 ? remainder * 10 : remainder * 100) + value;
      remainder %= 97;
    }
    return remainder == 1;
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  /** Serial (3 digits), check digit, birth date ddmmyy; the check digit is a weighted sum mod 11. */
  private static boolean validSsn(String digits) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += SSN_WEIGHTS[i] * (digits.charAt(i) - '0');
    }
    int check = sum % 11;
    int day = Integer.parseInt(digits.substring(4, 6));
    int month = Integer.parseInt(digits.substring(6, 8));
    return check != 10
        && check == digits.charAt(3) - '0'
        && day >= 1 && day <= 31
        && month >= 1 && month <= 12;
  }
}

package at.leoben.assistant.guard;

import at.leoben.assistant.privacy.Checksums;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds e-mail addresses, IBANs, card numbers, phone numbers and Austrian social-security numbers.
 * Numbers are validated (checksums, dates) so that prices, dates and file numbers pass. Each kind
 * found is blanked out before the next is looked for, so an IBAN is not also read as a phone. The
 * checks themselves are {@link Checksums}, shared with the redactor.
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
    this.allowed = allowedContacts.stream().map(Checksums::normaliseContact).collect(Collectors.toUnmodifiableSet());
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
      scan(text, span[0], span[1], CARD, number -> Checksums.luhn(Checksums.digits(number)), Kind.CARD, kinds);
      scan(text, span[0], span[1], PHONE, this::unlistedPhone, Kind.PHONE, kinds);
      scan(text, span[0], span[1], SSN, number -> Checksums.validSvnr(Checksums.digits(number)), Kind.SSN, kinds);
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
    int digits = Checksums.digits(candidate.replace("(0)", "")).length();
    return digits >= (international ? 9 : 7) && !allowed.contains(Checksums.normaliseContact(candidate));
  }

  /** The candidate may run into the next word, so only the country's IBAN length is checked. */
  private static boolean validIbanPrefix(String candidate) {
    String compact = candidate.replace(" ", "");
    int length = Checksums.ibanLength(compact.substring(0, 2));
    return length > 0 && compact.length() >= length && Checksums.validIban(compact.substring(0, length));
  }
}

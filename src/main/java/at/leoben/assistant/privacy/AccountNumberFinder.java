package at.leoben.assistant.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs, payment-card numbers and Austrian social-security numbers, in that order. Each counts
 * only when its checksum holds, so file numbers, prices and dates pass.
 */
final class AccountNumberFinder implements Finder {

  // Greedy but bounded, like the phone pattern: a card number followed by another number still ends
  // at its last group.
  private static final Pattern CARD =
      Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}+,.])[2-6]\\d{3}(?:[ -]?\\d){9,15}(?!\\d|[.,]\\d)");
  private static final Pattern SVNR =
      Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}+,./-])[1-9]\\d{3} ?\\d{6}(?!\\d|[.,/-]\\d)");

  private static final int MIN_CARD_DIGITS = 13;

  private final AllowedContacts allowed;

  AccountNumberFinder(AllowedContacts allowed) {
    this.allowed = allowed;
  }

  @Override
  public void find(Scan scan) {
    findIbans(scan);
    // Cards start with 2-6 and come in groups of four or more; SVNRs as 4 + 6 or 10 digits.
    findChecked(scan, CARD, Kind.CARD, "23456", 4);
    findChecked(scan, SVNR, Kind.SVNR, "123456789", 4);
  }

  private void findIbans(Scan scan) {
    CharSequence text = scan.text();
    int[] starts = scan.wordStarts();
    String[] words = scan.words();
    for (int k = 0; k < starts.length; k++) {
      int i = starts[k];
      if (words[k].length() != 2 || !ibanStart(text, i)) {
        continue;
      }
      int end = ibanEnd(text, i);
      if (end < 0) {
        continue;
      }
      String compact = compact(text, i, end);
      if (!Checksums.validIban(compact) || allowed.number(compact)) {
        // A mistyped IBAN is no card or phone number either.
        scan.keep(i, end);
      } else {
        scan.add(i, end, Kind.IBAN);
      }
    }
  }

  /** Two letters and two digits: "AT61", "de89". */
  private static boolean ibanStart(CharSequence text, int i) {
    return Chars.isAsciiLetter(text.charAt(i))
        && Chars.isAsciiLetter(text.charAt(i + 1))
        && Chars.isDigit(Chars.at(text, i + 2))
        && Chars.isDigit(Chars.at(text, i + 3));
  }

  /** Where an IBAN-shaped number starting at start ends, or -1: exactly its country's length of characters. */
  private static int ibanEnd(CharSequence text, int start) {
    int length = Checksums.ibanLength(text.subSequence(start, start + 2));
    if (length == 0) {
      return -1;
    }
    StringBuilder compact = new StringBuilder(length);
    int i = start;
    while (i < text.length() && compact.length() < length) {
      char c = text.charAt(i);
      if (isAsciiLetterOrDigit(c)) {
        compact.append(c);
        i++;
      } else if ((c == ' ' || c == '-') && i + 1 < text.length() && isAsciiLetterOrDigit(text.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    boolean whole = i == text.length() || !Chars.isWordChar(text.charAt(i));
    return compact.length() == length && whole ? i : -1;
  }

  private static String compact(CharSequence text, int start, int end) {
    StringBuilder compact = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      if (isAsciiLetterOrDigit(text.charAt(i))) {
        compact.append(text.charAt(i));
      }
    }
    return compact.toString();
  }

  private void findChecked(Scan scan, Pattern pattern, Kind kind, String firstDigits, int minGroup) {
    CharSequence text = scan.text();
    Matcher matcher = pattern.matcher(text).useTransparentBounds(true);
    for (int i : scan.numberStarts()) {
      boolean candidate = firstDigits.indexOf(text.charAt(i)) >= 0
          && Chars.numberStart(text, i)
          && Chars.digitsAt(text, i) >= minGroup;
      if (!candidate || !matcher.region(i, text.length()).lookingAt()) {
        continue;
      }
      int start = matcher.start();
      int end = kind == Kind.CARD ? cardEnd(text, start, matcher.end()) : svnrEnd(text, start, matcher.end());
      if (end > 0 && allowed.number(Checksums.digits(text.subSequence(start, end)))) {
        scan.keep(start, end);
      } else if (end > 0) {
        scan.add(start, end, kind);
      }
    }
  }

  /**
   * The end of the longest card number from start that passes Luhn, or -1. It ends where a group
   * ends: "4111 1111 1111 1111 2024" is a card and a year, whatever follows the year.
   */
  private static int cardEnd(CharSequence text, int start, int end) {
    for (int at = end; at > start; at--) {
      boolean groupEnd = at == end || (!Chars.isDigit(text.charAt(at)) && Chars.isDigit(text.charAt(at - 1)));
      if (!groupEnd) {
        continue;
      }
      String digits = Checksums.digits(text.subSequence(start, at));
      if (digits.length() < MIN_CARD_DIGITS) {
        return -1;
      }
      if (Checksums.luhn(digits)) {
        return at;
      }
    }
    return -1;
  }

  private static int svnrEnd(CharSequence text, int start, int end) {
    return Checksums.validSvnr(Checksums.digits(text.subSequence(start, end))) ? end : -1;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return Chars.isDigit(c) || Chars.isAsciiLetter(c);
  }
}

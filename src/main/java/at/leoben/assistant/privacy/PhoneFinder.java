package at.leoben.assistant.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers, validated by libphonenumber (Austria as the home region), in every usual spelling:
 * "+43 664 1234567", "0043 316 123456", "0664/1234567", "(0316) 123456", "+43 (0)3842 4062-0",
 * "0676.555.44.33". A number counts anywhere when written with a leading + or 0 (the trunk or
 * international prefix); without one ("664 1234567") only right after a word such as "Tel." or
 * "Handy", since bare digit groups are mostly something else. The city's numbers stay, and so do
 * dates and file numbers that merely look like phone numbers.
 */
final class PhoneFinder implements Finder {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final String HOME_REGION = "AT";
  /**
   * Where a number written with + or 0 may be: digits in groups separated by a space, slash, dot or
   * dash, "(0316)" and "+43 (0)"; bounded and greedy, so that in a run of numbers the first ends at
   * a group boundary. libphonenumber decides which part of it is a valid number.
   */
  private static final Pattern WRITTEN =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{N}+/.,:-])(?:\\+|\\(0|0)(?:(?:[ /.-]|\\) ?| ?\\(0\\) ?)?\\d){6,16}(?!\\d|[.,]\\d)");
  private static final Pattern AFTER_LEAD_IN =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}])(?iu:tel(?:efon)?(?:nummer|nr)?|handy(?:nummer|nr)?|mobil(?:nummer|nr)?|mobile|phone"
              + "|fax|rufnummer)\\.?(?: ?(?iu:nr|nummer)\\.?)? ?:? {0,3}+(?iu:unter +)?"
              + "(\\+?\\d(?:[ /-]?\\d){5,14})(?!\\d|[.,]\\d)");
  private static final List<String> LEAD_INS = List.of("tel", "handy", "mobil", "phone", "fax", "rufnummer");
  /** "01.02.2024", "1/2/24": a date, though a valid number by its digits. */
  private static final Pattern DATE = Pattern.compile("\\(?\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\)?");
  /** "Antrag Nr. 0815/2024", "GZ 0123-45": after these words a number is a file number. */
  private static final Set<String> FILE_WORDS =
      Set.of(
          "gz", "zl", "az", "ref", "akt", "akte", "aktenzahl", "aktenzeichen", "aktennummer", "geschäftszahl",
          "geschaeftszahl", "geschäftszeichen", "zahl", "antrag", "antragsnummer", "rechnung", "rechnungsnummer",
          "bescheid", "bescheidnummer", "vertrag", "vertragsnummer", "kundennummer", "fall", "fallnummer",
          "vorgang", "vorgangsnummer", "ticket", "ticketnummer", "auftrag", "auftragsnummer", "bestellnummer",
          "steuernummer", "referenz", "referenznummer");
  /** Words that join a file word and its number: "Antrag Nr. 0815". */
  private static final Set<String> NUMBER_WORDS = Set.of("nr", "no", "nummer");
  private static final int MIN_NATIONAL_DIGITS = 7;
  private static final int MIN_INTERNATIONAL_DIGITS = 9;

  private final AllowedContacts allowed;

  PhoneFinder(AllowedContacts allowed) {
    this.allowed = allowed;
  }

  @Override
  public void find(Scan scan) {
    CharSequence text = scan.text();
    Matcher span = WRITTEN.matcher(text).useTransparentBounds(true);
    for (int i : scan.numberStarts()) {
      char c = text.charAt(i);
      boolean written = c == '+' || (c == '(' && Chars.at(text, i + 1) == '0') || (c == '0' && Chars.numberStart(text, i));
      if (written && span.region(i, text.length()).lookingAt()) {
        int end = longestValid(text, i, span.end());
        if (end > i) {
          addWritten(scan, i, end, text.subSequence(i, end).toString());
        }
      }
    }
    Matcher led = AFTER_LEAD_IN.matcher(text).useTransparentBounds(true);
    int[] starts = scan.wordStarts();
    String[] words = scan.words();
    for (int k = 0; k < starts.length; k++) {
      String word = words[k];
      if (Chars.startsWithAny(word, LEAD_INS) && led.region(starts[k], text.length()).lookingAt() && possible(led.group(1))) {
        if (allowed.phone(led.group(1))) {
          scan.keep(led.start(1), led.end(1));
        } else {
          scan.add(led.start(1), led.end(1), Kind.PHONE);
        }
      }
    }
  }

  /** A number written with + or 0, recorded unless it is a date, a file number or the city's. */
  private void addWritten(Scan scan, int start, int end, String number) {
    if (!longEnough(number) || DATE.matcher(number).matches()) {
      return;
    }
    int fileWord = fileNumberLeadIn(scan, start);
    if (fileWord >= 0) {
      // Kept with its lead-in, so that no later finder takes "Antrag" and leaves a bare number.
      scan.keep(fileWord, end);
    } else if (allowed.phone(number)) {
      // Kept whole, so that "(0)3842 40620" inside "0043 (0)3842 40620" is not read again.
      scan.keep(start, end);
    } else {
      scan.add(start, end, Kind.PHONE);
    }
  }

  /**
   * The end of the longest number from start that libphonenumber deems valid, ending where a group
   * ends ("0747 9957320 0328 3611484" is two numbers), or -1.
   */
  private static int longestValid(CharSequence text, int start, int end) {
    for (int at = end; at > start; at--) {
      boolean groupEnd = at == end || (!Chars.isDigit(text.charAt(at)) && Chars.isDigit(text.charAt(at - 1)));
      if (groupEnd && valid(text.subSequence(start, at).toString())) {
        return at;
      }
    }
    return -1;
  }

  private static boolean valid(String number) {
    try {
      return PHONES.isValidNumber(PHONES.parse(number.replace("(0)", ""), HOME_REGION));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** A number after a lead-in word: one libphonenumber deems possible in Austria (or abroad with +). */
  private static boolean possible(String number) {
    try {
      return PHONES.isPossibleNumber(PHONES.parse(number, HOME_REGION));
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static boolean longEnough(String number) {
    boolean international = number.startsWith("+") || number.startsWith("00");
    int digits = Checksums.digits(number.replace("(0)", "")).length();
    return digits >= (international ? MIN_INTERNATIONAL_DIGITS : MIN_NATIONAL_DIGITS);
  }

  /** "Antrag Nr. 0815/2024": where the word naming a file starts (past "Nr."), or -1. */
  private static int fileNumberLeadIn(Scan scan, int start) {
    int k = scan.firstWordFrom(start) - 1;
    if (k >= 0 && NUMBER_WORDS.contains(scan.words()[k]) && onlyPunctuationAfter(scan, k, start)) {
      start = scan.wordStarts()[k];
      k--;
    }
    boolean file = k >= 0 && FILE_WORDS.contains(scan.words()[k]) && onlyPunctuationAfter(scan, k, start);
    return file ? scan.wordStarts()[k] : -1;
  }

  /** Nothing but spaces, dots and colons between word k and position: "Nr.: ". */
  private static boolean onlyPunctuationAfter(Scan scan, int k, int position) {
    CharSequence text = scan.text();
    for (int i = scan.wordStarts()[k] + scan.words()[k].length(); i < position; i++) {
      if (" .:".indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}

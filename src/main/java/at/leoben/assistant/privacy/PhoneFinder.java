package at.leoben.assistant.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers. Written with a leading + or 0 ("+43 664 1234567", "0043 316 123456",
 * "0664/1234567", "(0316) 123456", "+43 (0)3842 4062-0") they are found anywhere; written
 * without ("664 1234567") only right after a word such as "Tel." or "Handy". The city's numbers
 * stay, and so do dates and file numbers that merely look like phone numbers.
 */
final class PhoneFinder implements Finder {

  // Greedy but bounded (both patterns): in a run of numbers ("0747 9957320 0328 3611484") the first
  // ends at a group boundary instead of failing whole, so a second redaction finds nothing new.
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{N}+/.,:-])(?:\\+|\\(0|0)(?:(?:[ /-]|\\) ?| ?\\(0\\) ?)?\\d){6,16}(?!\\d|[.,]\\d)");
  private static final Pattern AFTER_LEAD_IN =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}])(?iu:tel(?:efon)?(?:nummer|nr)?|handy(?:nummer|nr)?|mobil(?:nummer|nr)?|mobile|phone"
              + "|fax|rufnummer)\\.?(?: ?(?iu:nr|nummer)\\.?)? ?:? {0,3}+(?iu:unter +)?"
              + "(\\+?\\d(?:[ /-]?\\d){5,14})(?!\\d|[.,]\\d)");
  private static final List<String> LEAD_INS = List.of("tel", "handy", "mobil", "phone", "fax", "rufnummer");
  private static final Pattern DATE = Pattern.compile("\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}");
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
    Matcher phone = PHONE.matcher(text).useTransparentBounds(true);
    for (int i : scan.numberStarts()) {
      char c = text.charAt(i);
      boolean written = c == '+' || (c == '(' && Chars.at(text, i + 1) == '0') || (c == '0' && Chars.numberStart(text, i));
      if (written && phone.region(i, text.length()).lookingAt()) {
        addWritten(scan, phone);
      }
    }
    Matcher led = AFTER_LEAD_IN.matcher(text).useTransparentBounds(true);
    int[] starts = scan.wordStarts();
    String[] words = scan.words();
    for (int k = 0; k < starts.length; k++) {
      String word = words[k];
      if (Chars.startsWithAny(word, LEAD_INS) && led.region(starts[k], text.length()).lookingAt()) {
        if (allowed.phone(led.group(1))) {
          scan.keep(led.start(1), led.end(1));
        } else {
          scan.add(led.start(1), led.end(1), Kind.PHONE);
        }
      }
    }
  }

  /** A number written with + or 0, recorded unless it is a date, a file number or the city's. */
  private void addWritten(Scan scan, Matcher phone) {
    // "(0664 1234567" without a closing bracket: the bracket belongs to the sentence.
    String number = phone.group();
    int start = number.startsWith("(") && number.indexOf(')') < 0 ? phone.start() + 1 : phone.start();
    if (!longEnough(number) || DATE.matcher(number).matches()) {
      return;
    }
    int fileWord = fileNumberLeadIn(scan, start);
    if (fileWord >= 0) {
      // Kept with its lead-in, so that no later finder takes "Antrag" and leaves a bare number.
      scan.keep(fileWord, phone.end());
    } else if (allowed.phone(number.substring(start - phone.start()))) {
      // Kept whole, so that "(0)3842 40620" inside "0043 (0)3842 40620" is not read again.
      scan.keep(start, phone.end());
    } else {
      scan.add(start, phone.end(), Kind.PHONE);
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

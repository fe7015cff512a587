package at.leoben.assistant.privacy;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a full date (12.03.1985, 12. März 1985, 1985-03-12, 12/03/1985, March 12,
 * 1985) with a word such as "geboren", "geb.", "Geburtsdatum" or "date of birth" at most a few
 * words before it ("geb. am 12.03.1985") or after it in the same sentence ("am 12. März 1985 in
 * Graz geboren"). Other dates, an appointment or a deadline, stay.
 */
final class BirthDateFinder implements Finder {

  private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])";
  private static final String MONTH = "(?:0?[1-9]|1[0-2])";
  private static final String YEAR = "(?:19|20)\\d{2}";
  private static final String MONTH_NAME =
      "(?iu:jänner|jaenner|januar|january|jan|feber|februar|february|feb|märz|maerz|march|mär|mrz|mar"
          + "|april|apr|mai|may|juni|june|jun|juli|july|jul|august|aug|september|sept|sep|oktober|october"
          + "|okt|oct|november|nov|dezember|december|dez|dec)(?![\\p{L}\\p{M}])\\.?";
  private static final String ORDINAL = "(?:st|nd|rd|th)?";
  private static final Pattern DATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{N}.,/-])(?:"
              + DAY + "\\. ?" + MONTH + "\\. ?(?:" + YEAR + "|\\d{2})"
              + "|" + DAY + "\\.? ?" + MONTH_NAME + " ?" + YEAR
              + "|" + YEAR + "-" + MONTH + "-" + DAY
              + "|" + DAY + "/\\d{1,2}/(?:" + YEAR + "|\\d{2})"
              + "|" + MONTH_NAME + " " + DAY + ORDINAL + ",? " + YEAR
              + "|" + DAY + ORDINAL + " (?:of )?" + MONTH_NAME + ",? " + YEAR
              + ")(?![\\p{N}])");
  /** English dates may start with the month: "March 12, 1985". */
  private static final Set<String> ENGLISH_MONTHS =
      Set.of("january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july",
          "jul", "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec");
  /** "date of birth" and "birth date" count through "birth"; "geb.-Datum" through "geb". */
  private static final Set<String> BIRTH_WORDS =
      Set.of("geboren", "geb", "geburtsdatum", "geburtstag", "born", "birth", "birthday", "birthdate", "dob");
  private static final int WINDOW_BEFORE = 60;
  private static final int WINDOW_AFTER = 50;
  private static final int MAX_WORDS_BETWEEN = 3;

  @Override
  public void find(Scan scan) {
    CharSequence text = scan.text();
    Matcher date = DATE.matcher(text).useTransparentBounds(true);
    int previous = 0;
    for (int i : candidates(scan)) {
      if (i < previous || !date.region(i, text.length()).lookingAt()) {
        continue;
      }
      if (birthBefore(scan, previous, date.start()) || birthAfter(scan, date.end())) {
        scan.add(date.start(), date.end(), Kind.BIRTH_DATE);
      }
      previous = date.end();
    }
  }

  /** Where a date may start, in order: "12.", "12/", "12 M…", "12th", "1985-", "March". */
  private static int[] candidates(Scan scan) {
    CharSequence text = scan.text();
    int[] numbers = scan.numberStarts();
    int[] starts = scan.wordStarts();
    String[] words = scan.words();
    int[] candidates = new int[numbers.length + starts.length];
    int count = 0;
    for (int i : numbers) {
      if (!Chars.numberStart(text, i)) {
        continue;
      }
      int digits = Chars.digitsAt(text, i);
      char next = Chars.at(text, i + digits);
      boolean dayFirst = digits <= 2
          && (next == '.' || next == '/' || Character.isLetter(next)
              || (next == ' ' && Character.isLetter(Chars.at(text, i + digits + 1))));
      if (dayFirst || (digits == 4 && next == '-')) {
        candidates[count++] = i;
      }
    }
    for (int k = 0; k < starts.length; k++) {
      if (ENGLISH_MONTHS.contains(words[k])) {
        candidates[count++] = starts[k];
      }
    }
    int[] sorted = Arrays.copyOf(candidates, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /** The nearest birth word before the date, after the previous date ("geb. 1985-03-12, Termin am …"). */
  private static boolean birthBefore(Scan scan, int previousDate, int start) {
    int[] starts = scan.wordStarts();
    String[] words = scan.words();
    int limit = Math.max(previousDate, start - WINDOW_BEFORE);
    for (int k = scan.firstWordFrom(start) - 1; k >= 0 && starts[k] >= limit; k--) {
      if (BIRTH_WORDS.contains(words[k])) {
        int end = starts[k] + words[k].length();
        // "geb." ends with its dot, which ends no sentence.
        end = Chars.at(scan.text(), end) == '.' ? end + 1 : end;
        return sameClause(scan.text(), end, start);
      }
    }
    return false;
  }

  private static boolean birthAfter(Scan scan, int end) {
    int[] starts = scan.wordStarts();
    String[] words = scan.words();
    for (int k = scan.firstWordFrom(end); k < starts.length && starts[k] < end + WINDOW_AFTER; k++) {
      if (BIRTH_WORDS.contains(words[k])) {
        return sameClause(scan.text(), end, starts[k]);
      }
    }
    return false;
  }

  /** At most a few words between, no number or finding (another date) and no sentence or line break. */
  private static boolean sameClause(CharSequence text, int from, int to) {
    int words = 0;
    boolean inWord = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '[' || Chars.isDigit(c)) {
        return false;
      }
      boolean wordChar = Character.isLetterOrDigit(c);
      if (wordChar && !inWord) {
        words++;
      }
      inWord = wordChar;
    }
    return words <= MAX_WORDS_BETWEEN;
  }
}

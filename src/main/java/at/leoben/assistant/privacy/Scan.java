package at.leoben.assistant.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One redaction of one text. The finders read a working copy in which full-width and other
 * Unicode digits are ASCII, every space is a plain space and invisible format characters
 * (zero-width space, soft hyphen, bidi controls) are gone, so "０６６４" or "max\u200B@gmx.at"
 * hide nothing. Each finding is blanked in the copy so that later finders do not read it again
 * (an IBAN is not also a phone number); the output keeps the original text around the findings.
 *
 * <p>A blanked finding reads "[XXXX]", shaped like the placeholder that replaces it: later
 * finders see the same boundaries now as in a second redaction of the output, which therefore
 * finds nothing new. Placeholders already in the text are no words ("[GEBURTSDATUM]" is not a
 * birth word).
 *
 * <p>Running a regular expression at every position of a long message is what makes redaction
 * slow, so the scan indexes where words and numbers start, once, and the finders try their
 * patterns only there. The index is taken before most findings are blanked; a finder's pattern
 * then fails on the blanked characters, and {@link #add} refuses overlaps.
 */
final class Scan {


  private record Finding(int start, int end, Kind kind) {}

  private final String original;
  private final StringBuilder work;
  /** For each working character, where it starts and ends in the original. */
  private final int[] from;
  private final int[] to;
  private final boolean[] taken;
  private final List<Finding> findings = new ArrayList<>();
  private int[] wordStarts;
  private String[] words;
  private int[] numberStarts;

  Scan(String original) {
    this.original = original;
    this.work = new StringBuilder(original.length());
    this.from = new int[original.length()];
    this.to = new int[original.length()];
    for (int i = 0; i < original.length(); ) {
      int codePoint = original.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      char read = read(codePoint);
      if (read != 0) {
        from[work.length()] = i;
        to[work.length()] = next;
        work.append(read);
      }
      i = next;
    }
    this.taken = new boolean[work.length()];
  }

  /** How a finder reads a character; 0 drops it. Letters outside the BMP keep a letter's shape. */
  private static char read(int codePoint) {
    if (codePoint < 0x80) {
      return codePoint == '\t' ? ' ' : (char) codePoint;
    }
    int type = Character.getType(codePoint);
    if (type == Character.FORMAT) {
      return 0;
    }
    if (type == Character.DECIMAL_DIGIT_NUMBER) {
      return (char) ('0' + Character.digit(codePoint, 10));
    }
    if (codePoint >= 0xFF01 && codePoint <= 0xFF5E) {
      return (char) (codePoint - 0xFEE0);
    }
    if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
      return '\n';
    }
    if (type == Character.SPACE_SEPARATOR) {
      return ' ';
    }
    if (codePoint > 0xFFFF) {
      return Character.isLetter(codePoint) ? 'a' : '#';
    }
    return (char) codePoint;
  }

  /** The working copy; finders match on it and report its indices. */
  CharSequence text() {
    return work;
  }

  /** Where each word (a run of letters and marks) starts, in order. */
  int[] wordStarts() {
    if (wordStarts == null) {
      indexWords();
    }
    return wordStarts;
  }

  /** The words at {@link #wordStarts()}, lower case. */
  String[] words() {
    if (words == null) {
      indexWords();
    }
    return words;
  }

  /** Where a number starts: a digit without a digit before it, a "+" or "(" before a digit. */
  int[] numberStarts() {
    if (numberStarts == null) {
      int[] starts = new int[16];
      int count = 0;
      for (int i = 0; i < work.length(); i++) {
        char c = work.charAt(i);
        boolean start = Chars.isDigit(c)
            ? i == 0 || !Chars.isDigit(work.charAt(i - 1))
            : (c == '+' || c == '(') && Chars.isDigit(Chars.at(work, i + 1));
        if (start) {
          starts = count == starts.length ? Arrays.copyOf(starts, count * 2) : starts;
          starts[count++] = i;
        }
      }
      numberStarts = Arrays.copyOf(starts, count);
    }
    return numberStarts;
  }

  /** The index of the first word starting at or after position, or the word count. */
  int firstWordFrom(int position) {
    int found = Arrays.binarySearch(wordStarts(), position);
    return found >= 0 ? found : -found - 1;
  }

  private void indexWords() {
    int[] starts = new int[64];
    List<String> found = new ArrayList<>();
    char[] lower = new char[work.length()];
    for (int i = 0; i < work.length(); ) {
      int placeholder = placeholderLength(i);
      if (placeholder > 0) {
        i += placeholder;
        continue;
      }
      if (!Chars.wordStart(work, i)) {
        i++;
        continue;
      }
      int end = Chars.wordEnd(work, i);
      for (int j = i; j < end; j++) {
        lower[j] = Character.toLowerCase(work.charAt(j));
      }
      starts = found.size() == starts.length ? Arrays.copyOf(starts, found.size() * 2) : starts;
      starts[found.size()] = i;
      found.add(new String(lower, i, end - i));
      i = end;
    }
    wordStarts = Arrays.copyOf(starts, found.size());
    words = found.toArray(String[]::new);
  }

  /** The length of the placeholder starting at i, or 0. */
  private int placeholderLength(int i) {
    if (work.charAt(i) != '[') {
      return 0;
    }
    for (Kind kind : Kind.values()) {
      String placeholder = kind.placeholder();
      if (work.length() - i >= placeholder.length() && work.substring(i, i + placeholder.length()).equals(placeholder)) {
        return placeholder.length();
      }
    }
    return 0;
  }

  /** Records a finding unless it overlaps an earlier one or a kept span. */
  void add(int start, int end, Kind kind) {
    if (take(start, end)) {
      findings.add(new Finding(start, end, kind));
    }
  }

  /**
   * Keeps a span as written and out of later finders' sight: the city's own IBAN is not then
   * read as a phone number, nor a mistyped IBAN as a card number.
   */
  void keep(int start, int end) {
    take(start, end);
  }

  private boolean take(int start, int end) {
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return false;
      }
    }
    for (int i = start; i < end; i++) {
      taken[i] = true;
      work.setCharAt(i, i == start && end - start > 1 ? '[' : i == end - 1 && end - start > 1 ? ']' : 'X');
    }
    return true;
  }

  Redaction result() {
    if (findings.isEmpty()) {
      return new Redaction(original, Set.of());
    }
    findings.sort(Comparator.comparingInt(Finding::start));
    StringBuilder out = new StringBuilder(original.length());
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    int copied = 0;
    for (Finding finding : findings) {
      out.append(original, copied, from[finding.start()]).append(finding.kind().placeholder());
      copied = to[finding.end() - 1];
      kinds.add(finding.kind());
    }
    return new Redaction(out.append(original, copied, original.length()).toString(), kinds);
  }
}

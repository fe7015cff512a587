package at.leoben.assistant.guard;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the guards read text: NFKC, invisible characters removed, lower case, umlauts
 * folded (ä → ae, ß → ss), whitespace collapsed — so "Asylantrag", "ASYLANTRAG" and
 * "Asyl\u200Bantrag" look the same.
 */
final class TextFold {

  private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Longer runs of combining marks carry no meaning (see {@link #streamSafe}). */
  private static final int MAX_MARKS = 30;

  private TextFold() {}

  static String fold(String text) {
    String normalised = Normalizer.normalize(streamSafe(text), Normalizer.Form.NFKC);
    String visible = CONTROL.matcher(FORMAT.matcher(normalised).replaceAll("")).replaceAll(" ");
    return visible
        .toLowerCase(Locale.ROOT)
        .replace("ä", "ae")
        .replace("ö", "oe")
        .replace("ü", "ue")
        .replace("ß", "ss")
        .replaceAll("\\s+", " ");
  }

  static List<String> words(String folded) {
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(folded);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  /**
   * At most {@value #MAX_MARKS} combining marks in a row (UAX #15 stream-safe text). Longer runs
   * carry no meaning, and java.util.regex makes every {@code \b} look back across the whole run:
   * matching turns quadratic, and 5,000 marks take seconds.
   */
  private static String streamSafe(String text) {
    StringBuilder out = null;
    int run = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      int type = Character.getType(codePoint);
      boolean mark =
          type == Character.NON_SPACING_MARK
              || type == Character.ENCLOSING_MARK
              || type == Character.COMBINING_SPACING_MARK;
      run = mark ? run + 1 : 0;
      if (run > MAX_MARKS && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null && run <= MAX_MARKS) {
        out.append(text, i, next);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }}

package at.leoben.assistant.evaluation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How facts and sources are compared with answers: case, every kind of whitespace and the kind of
 * dash do not count, so "+43 3842 4062-0" finds "4062 – 0" and "8 bis 16 Uhr" finds "8 bis 16
 * uhr".
 */
final class TextMatch {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");

  private TextMatch() {}

  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
    String dashes = DASHES.matcher(compatible).replaceAll("-");
    return WHITESPACE.matcher(dashes).replaceAll("").toLowerCase(Locale.ROOT);
  }

  static boolean contains(String text, String wanted) {
    String needle = normalise(wanted);
    return !needle.isEmpty() && normalise(text).contains(needle);
  }

  static boolean same(String a, String b) {
    return normalise(a).equals(normalise(b));
  }
}

package at.leoben.assistant.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the safety net reads text. Citizens write "Jugendamt", "jugendamd", "Fuehrerschein",
 * "Fuhrerschein" and "FÜHRERSCHEIN": all of them become the same skeleton — lower case, umlauts
 * and their spellings (ä, ae, a) one letter, ß/ss one letter, doubled letters single — so the
 * vocabulary and the classifier see one word where citizens typed four.
 */
public final class Fold {

  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Mn}]");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:\\n])\\s+|\\s+(?=(und |aber |ps |p\\.s\\.))");
  // Dictated messages say their punctuation: "… geknackt hat komma darf ich …".
  private static final Pattern DICTATED =
      Pattern.compile("(?iu)\\s+(komma|punkt|fragezeichen|ausrufezeichen|doppelpunkt|strichpunkt|neue zeile|absatz)(?=\\s|$)");
  private static final int MAX_INPUT = 20_000;

  private Fold() {}

  /** Lower case, accents and invisible characters removed, umlaut spellings made one. */
  public static String skeleton(String text) {
    String clipped = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
    String lower = clipped.toLowerCase(Locale.ROOT).replace("ß", "ss");
    // ä/ae/a are one letter: decompose, drop the marks, then collapse the written-out spellings.
    String plain = INVISIBLE.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
    StringBuilder out = new StringBuilder(plain.length());
    char previous = 0;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c == 'e' && (previous == 'a' || previous == 'o' || previous == 'u') && followsConsonantOrStart(plain, i - 1)) {
        continue; // "fuehrerschein" -> "fuhrerschein"; "neue"/"bauen" keep their e (vowel before)
      }
      if (Character.isLetter(c) && c == previous) {
        continue; // "Strasse", "Zimmmer", "bitteee"
      }
      if (Character.isWhitespace(c)) {
        c = ' ';
        if (previous == ' ') {
          continue;
        }
      }
      out.append(c);
      previous = c;
    }
    return out.toString().strip();
  }

  private static boolean followsConsonantOrStart(String text, int vowelAt) {
    if (vowelAt == 0) {
      return true;
    }
    char before = text.charAt(vowelAt - 1);
    return !(before == 'a' || before == 'e' || before == 'i' || before == 'o' || before == 'u');
  }

  /** The words of a skeleton (runs of letters and digits). */
  public static List<String> words(String skeleton) {
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(skeleton);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  /** The sentences of a raw message, so one sentence of despair in a long letter is read alone. */
  public static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    for (String part : SENTENCE_END.split(DICTATED.matcher(text).replaceAll("."))) {
      if (!part.isBlank()) {
        sentences.add(part.strip());
      }
    }
    return sentences;
  }

  /** Damerau–Levenshtein distance at most one: one typo (the guard's term lists use it too). */
  public static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() || i == b.length()) {
      return true;
    }
    if (a.length() == b.length()) {
      return a.substring(i + 1).equals(b.substring(i + 1))
          || (i + 1 < a.length()
              && a.charAt(i) == b.charAt(i + 1)
              && a.charAt(i + 1) == b.charAt(i)
              && a.substring(i + 2).equals(b.substring(i + 2)));
    }
    return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
  }
}

package at.leoben.assistant.guard;

import java.util.List;

/**
 * One detection term on folded words: a word start ("asyl" finds "asylantrag"), an infix
 * ("*gefaehrdung" finds "kindeswohlgefaehrdung") or a phrase of word starts ("nicht mehr leben").
 * Terms of six letters or more also match a word with one typo (Damerau–Levenshtein 1).
 */
final class TermMatcher {

  private static final int TYPO_FROM_LENGTH = 6;

  private final String[] parts;
  private final boolean infix;

  TermMatcher(String term) {
    String trimmed = term.strip();
    this.infix = trimmed.startsWith("*");
    this.parts = TextFold.fold(infix ? trimmed.substring(1) : trimmed).split(" ");
  }

  boolean matches(List<String> words) {
    for (int start = 0; start + parts.length <= words.size(); start++) {
      if (matchesAt(words, start)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesAt(List<String> words, int start) {
    for (int i = 0; i < parts.length; i++) {
      if (!matchesWord(parts[i], words.get(start + i))) {
        return false;
      }
    }
    return true;
  }

  private boolean matchesWord(String part, String word) {
    if (infix ? word.contains(part) : word.startsWith(part)) {
      return true;
    }
    if (part.length() < TYPO_FROM_LENGTH || infix) {
      return false;
    }
    // A typo in the stem: compare with the word's start of about the stem's length.
    for (int length = part.length() - 1; length <= part.length() + 1; length++) {
      if (length <= word.length() && withinOneEdit(part, word.substring(0, length))) {
        return true;
      }
    }
    return false;
  }

  /** Damerau–Levenshtein distance ≤ 1, without building the matrix. */
  static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() || i == b.length()) {
      return Math.abs(a.length() - b.length()) <= 1;
    }
    if (a.length() == b.length()) {
      boolean substitution = a.substring(i + 1).equals(b.substring(i + 1));
      boolean transposition =
          i + 1 < a.length()
              && a.charAt(i) == b.charAt(i + 1)
              && a.charAt(i + 1) == b.charAt(i)
              && a.substring(i + 2).equals(b.substring(i + 2));
      return substitution || transposition;
    }
    return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
  }
}

package at.leoben.assistant.guard;

import at.leoben.assistant.understanding.Fold;
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
      if (length <= word.length() && Fold.withinOneEdit(part, word.substring(0, length))) {
        return true;
      }
    }
    return false;
  }
}

package at.leoben.assistant.understanding;

import java.util.ArrayList;
import java.util.List;

/**
 * One vocabulary pattern on skeleton words (see {@code understanding/vocabulary.txt}): tokens are
 * word starts ({@code einspruch} finds "Einspruchsfrist"), {@code =wort} a whole word, {@code *teil}
 * a part anywhere in a word, {@code a/b/c} alternatives, {@code ..} up to three words in between, {@code ...} up to ten.
 * Tokens of seven letters or more also match with one typo (not in the first letter).
 */
final class VocabularyPattern {

  private static final int TYPO_FROM_LENGTH = 7;
  private static final int GAP = 3;
  private static final int LONG_GAP = 10;

  /** One position of the pattern: its alternatives, and whether a gap may come before it. */
  private record Slot(List<Token> alternatives, int gapBefore) {}

  private record Token(String text, boolean exact, boolean infix) {}

  private final List<Slot> slots = new ArrayList<>();
  private final String source;

  VocabularyPattern(String pattern) {
    this.source = pattern.strip();
    int gap = 0;
    for (String part : source.split("\\s+")) {
      if (part.equals("..") || part.equals("...")) {
        gap = part.length() == 2 ? GAP : LONG_GAP;
        continue;
      }
      String[] spellings = part.split("/");
      if (spellings.length == 1) {
        // "rot-weiß-rot" or "don't" are several words once the text is split: one slot each.
        boolean exact = part.startsWith("=");
        boolean infix = part.startsWith("*");
        for (String word : Fold.words(Fold.skeleton(exact || infix ? part.substring(1) : part))) {
          slots.add(new Slot(List.of(new Token(word, exact, infix)), gap));
          gap = 0;
        }
        continue;
      }
      List<Token> alternatives = new ArrayList<>();
      for (String alternative : spellings) {
        boolean exact = alternative.startsWith("=");
        boolean infix = alternative.startsWith("*");
        List<String> words = Fold.words(Fold.skeleton(exact || infix ? alternative.substring(1) : alternative));
        if (words.size() != 1) {
          throw new IllegalArgumentException("an alternative must be one word (" + alternative + "): " + pattern);
        }
        alternatives.add(new Token(words.get(0), exact, infix));
      }
      slots.add(new Slot(alternatives, gap));
      gap = 0;
    }
    if (slots.isEmpty()) {
      throw new IllegalArgumentException("empty vocabulary pattern");
    }
  }

  String source() {
    return source;
  }

  boolean matches(List<String> words) {
    for (int start = 0; start < words.size(); start++) {
      if (matchesFrom(words, 0, start)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesFrom(List<String> words, int slot, int at) {
    if (slot == slots.size()) {
      return true;
    }
    int last = slot > 0 ? at + slots.get(slot).gapBefore() : at;
    for (int position = at; position <= last && position < words.size(); position++) {
      if (matchesWord(slots.get(slot), words.get(position)) && matchesFrom(words, slot + 1, position + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesWord(Slot slot, String word) {
    for (Token token : slot.alternatives()) {
      if (token.exact() ? word.equals(token.text()) : token.infix() ? word.contains(token.text()) : word.startsWith(token.text())) {
        return true;
      }
      if (!token.exact() && !token.infix() && token.text().length() >= TYPO_FROM_LENGTH && typoPrefix(token.text(), word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One typo in the word itself, or in the word's start when it is the token plus a short ending
   * ("jugendamd", "jugentamtes"). Not in the start of a long word: "schlagt" would find
   * "Schlaganfall", "ausweg" "Ausweis".
   */
  private static boolean typoPrefix(String token, String word) {
    if (word.length() > token.length() + 3 || word.charAt(0) != token.charAt(0)) {
      return false;
    }
    for (int length = token.length() - 1; length <= token.length() + 1; length++) {
      if (length <= word.length() && Fold.withinOneEdit(token, word.substring(0, length))) {
        return true;
      }
    }
    return false;
  }
}

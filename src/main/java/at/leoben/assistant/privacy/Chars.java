package at.leoben.assistant.privacy;

/** Character tests the finders share; ASCII first, since most of a message is ASCII. */
final class Chars {

  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** Letters, digits and combining marks: what a word or a number is made of. */
  static boolean isWordChar(char c) {
    if (c < 0x80) {
      return isDigit(c) || isAsciiLetter(c);
    }
    int type = Character.getType(c);
    return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** A letter (or mark) of a word; digits end a word ("AT61" is the word "AT"). */
  static boolean isLetter(char c) {
    return c < 0x80 ? isAsciiLetter(c) : isWordChar(c) && !Character.isDigit(c);
  }

  /** A digit that starts a number: no digit right before it. */
  static boolean numberStart(CharSequence text, int i) {
    return isDigit(text.charAt(i)) && (i == 0 || !isDigit(text.charAt(i - 1)));
  }

  /** A letter that starts a word: no letter, digit or mark right before it. */
  static boolean wordStart(CharSequence text, int i) {
    char c = text.charAt(i);
    return (c < 0x80 ? isAsciiLetter(c) : Character.isLetter(c)) && (i == 0 || !isWordChar(text.charAt(i - 1)));
  }

  /** Where the word starting at i ends. */
  static int wordEnd(CharSequence text, int i) {
    int end = i;
    while (end < text.length() && isLetter(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** How many digits follow from i. */
  static int digitsAt(CharSequence text, int i) {
    int end = i;
    while (end < text.length() && isDigit(text.charAt(end))) {
      end++;
    }
    return end - i;
  }

  static boolean endsWithAny(String word, Iterable<String> endings) {
    for (String ending : endings) {
      if (word.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  static boolean startsWithAny(String word, Iterable<String> beginnings) {
    for (String beginning : beginnings) {
      if (word.startsWith(beginning)) {
        return true;
      }
    }
    return false;
  }

  /** The character at i, or a space outside the text. */
  static char at(CharSequence text, int i) {
    return i >= 0 && i < text.length() ? text.charAt(i) : ' ';
  }
}

package at.leoben.assistant.chat;

import java.time.Duration;

/**
 * How much of the text a streamed answer holds back may go to the output screen and on to the
 * citizen now. Whole sentences go as soon as they end. A sentence that runs on is released once
 * {@code maxChars} are held or the oldest held text has waited {@code maxWait}, cut before its last
 * word (which may still be growing); so a citizen never waits long for text the model has written,
 * however long its sentence. A pure function of the held text and how long it was held.
 */
record HoldBack(int maxChars, Duration maxWait) {

  HoldBack {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, not " + maxChars);
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative, not " + maxWait);
    }
  }

  /** How many leading characters of {@code held} to release now; 0 to keep holding all of it. */
  int releasable(CharSequence held, Duration heldFor) {
    int sentences = lastSentenceEnd(held);
    if (!overdue(held, heldFor)) {
      return sentences;
    }
    int cut = Math.max(sentences, lastWordStart(held));
    // Held back without a word boundary, or the last "word" is itself too long: release it all.
    return cut == 0 || held.length() - cut >= maxChars ? held.length() : cut;
  }

  /** Whether {@code held} must not be held any longer (nothing held is never overdue). */
  boolean overdue(CharSequence held, Duration heldFor) {
    return held.length() > 0 && (held.length() >= maxChars || heldFor.compareTo(maxWait) >= 0);
  }

  /** After the last ". ", "! ", "? " or line break; 0 while the first sentence goes on. */
  static int lastSentenceEnd(CharSequence text) {
    for (int i = text.length() - 2; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n' || ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1)))) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Where the last word starts (it may still be growing): at the last whitespace; the whole text
   * when it ends in whitespace; 0 if there is no earlier boundary.
   */
  private static int lastWordStart(CharSequence text) {
    if (Character.isWhitespace(text.charAt(text.length() - 1))) {
      return text.length();
    }
    for (int i = text.length() - 1; i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return 0;
  }
}

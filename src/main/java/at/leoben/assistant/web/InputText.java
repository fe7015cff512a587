package at.leoben.assistant.web;

/**
 * The one rule for text the service accepts from outside (questions, comments, corrections, form
 * fields): control characters are dropped, line breaks kept as {@code \n}, and code units that are
 * no character at all (lone surrogates) removed. What is left can always be stored and audited, so
 * a citizen's NUL can no longer make a reply unstorable. Invisible format characters (zero-width
 * joiners in emoji, soft hyphens) stay; whether a text has anything visible is a validation
 * question ({@link HasText}).
 */
public final class InputText {

  private InputText() {}

  /** The text without control characters; null stays null. */
  public static String clean(String text) {
    if (text == null || isClean(text)) {
      return text;
    }
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        clean.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        clean.append(c).append(text.charAt(++i));
      } else if (kept(c)) {
        clean.append(c);
      }
    }
    return clean.toString();
  }

  /** Whether a text holds a control character (other than tab and line feed) or a lone surrogate. */
  public static boolean hasControlCharacters(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (!kept(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isClean(String text) {
    return text.indexOf('\r') < 0 && !hasControlCharacters(text);
  }

  private static boolean kept(char c) {
    return c == '\n' || c == '\t' || (Character.getType(c) != Character.CONTROL && !Character.isSurrogate(c));
  }
}

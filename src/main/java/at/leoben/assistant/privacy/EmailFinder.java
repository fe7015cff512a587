package at.leoben.assistant.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** E-mail addresses, also with an umlaut or written "max (at) gmx.at" to fool a naive filter. */
final class EmailFinder implements Finder {

  private static final int MAX_LOCAL = 64;
  private static final String LOCAL = "[\\p{L}\\p{M}\\p{N}._%+-]";
  private static final String AT = "(?:@| ?[(\\[](?i:at)[)\\]] ?)";
  // Bounded, possessive parts: a long run of letters fails in one pass instead of backtracking.
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<!" + LOCAL + ")" + LOCAL + "{1," + MAX_LOCAL + "}+" + AT
              + "(?:[\\p{L}\\p{M}\\p{N}-]{1,63}+\\.){1,8}\\p{L}{2,24}+(?![\\p{L}\\p{M}\\p{N}])");
  private static final Pattern WRITTEN_AT = Pattern.compile(AT);

  private final AllowedContacts allowed;

  EmailFinder(AllowedContacts allowed) {
    this.allowed = allowed;
  }

  @Override
  public void find(Scan scan) {
    CharSequence text = scan.text();
    Matcher matcher = EMAIL.matcher(text).useTransparentBounds(true);
    int done = 0;
    for (int i = 0; i < text.length(); i++) {
      int at = atSign(text, i);
      if (at < 0) {
        continue;
      }
      int start = at;
      while (start > done && at - start < MAX_LOCAL + 1 && isLocal(text.charAt(start - 1))) {
        start--;
      }
      if (start < at && matcher.region(start, text.length()).lookingAt()) {
        String address = WRITTEN_AT.matcher(matcher.group()).replaceFirst("@");
        if (allowed.email(address)) {
          scan.keep(matcher.start(), matcher.end());
        } else {
          scan.add(matcher.start(), matcher.end(), Kind.EMAIL);
        }
        done = matcher.end();
        i = done - 1;
      }
    }
  }

  /** Where the local part ends if an "@", "(at)" or "[at]" is at i, else -1. */
  private static int atSign(CharSequence text, int i) {
    char c = text.charAt(i);
    if (c == '@') {
      return i;
    }
    boolean written = (c == '(' || c == '[')
        && i + 3 < text.length()
        && Character.toLowerCase(text.charAt(i + 1)) == 'a'
        && Character.toLowerCase(text.charAt(i + 2)) == 't'
        && (text.charAt(i + 3) == ')' || text.charAt(i + 3) == ']');
    if (!written) {
      return -1;
    }
    return i > 0 && text.charAt(i - 1) == ' ' ? i - 1 : i;
  }

  private static boolean isLocal(char c) {
    return Chars.isWordChar(c) || "._%+-".indexOf(c) >= 0;
  }
}

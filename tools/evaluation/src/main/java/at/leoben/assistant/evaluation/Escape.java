package at.leoben.assistant.evaluation;

import java.util.regex.Pattern;

/** Model output and questions are untrusted: everything from outside goes through here. */
final class Escape {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]#|~])");

  private Escape() {}

  /** Text for HTML element content and quoted attribute values. */
  static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters other than line breaks and tabs are not text.
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Text for one line of Markdown (also a table cell): on one line, markup characters escaped,
   * and no raw HTML, which Markdown viewers would render.
   */
  static String markdown(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = WHITESPACE.matcher(text).replaceAll(" ").strip();
    String escaped = MARKDOWN_SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

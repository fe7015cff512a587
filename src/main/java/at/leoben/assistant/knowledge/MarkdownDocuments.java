package at.leoben.assistant.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the city's Markdown documents: front matter between {@code ---} lines ({@link FrontMatter},
 * YAML), then a body that is cut into passages for search. Strict about metadata, because a wrong date or source would reach
 * citizens; lenient about size, because long documents are split, never rejected.
 */
public final class MarkdownDocuments {

  private static final String DELIMITER = "---";
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private static final String MARKER = "\\[\\[\\s*(?:prüfen|pruefen)\\s*]]";
  private static final int MARKER_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern ANY_MARKER = Pattern.compile(MARKER, MARKER_FLAGS);
  // A marker opening a line keeps the indentation and drops the space after it.
  private static final Pattern LEADING_MARKER =
      Pattern.compile("(?m)^([ \\t]*)" + MARKER + "[ \\t]*", MARKER_FLAGS);
  // Elsewhere the space before it goes, so "60 Euro [[prüfen]]." reads "60 Euro.".
  private static final Pattern INLINE_MARKER = Pattern.compile("[ \\t]*" + MARKER, MARKER_FLAGS);

  // ATX headings of levels 1 to 3, with optional closing hashes; deeper ones stay text.
  private static final Pattern HEADING =
      Pattern.compile(" {0,3}#{1,3}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*");
  private static final Pattern LINK =
      Pattern.compile("!?\\[([^\\]\\n]*)]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");

  // Where an oversized section may be cut, best first; the last resort is a hard cut.
  private static final List<Pattern> BOUNDARIES =
      List.of(
          Pattern.compile("\\n\\n"),
          Pattern.compile("\\n(?=[ \\t]*(?:[-*+]|\\d+[.)])[ \\t])"),
          Pattern.compile("(?<=[.?!])\\s+"),
          Pattern.compile("\\s+"));

  private MarkdownDocuments() {}

  /**
   * Parses one document.
   *
   * @throws KnowledgeFormatException naming {@code fileName} for every problem in the text
   */
  public static KnowledgeSource parse(String slug, String fileName, String markdown, int maxPassageChars) {
    // A hard cut must be able to keep a surrogate pair together.
    if (maxPassageChars < 2) {
      throw new IllegalArgumentException("maxPassageChars must be at least 2: " + maxPassageChars);
    }
    String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    rejectControlCharacters(fileName, text);
    String[] lines = Normalizer.normalize(text, Normalizer.Form.NFC).split("\n", -1);

    int open = 0;
    while (open < lines.length && lines[open].isBlank()) {
      open++;
    }
    if (open == lines.length || !lines[open].strip().equals(DELIMITER)) {
      throw new KnowledgeFormatException(fileName, "missing front matter; the file must start with a line ---");
    }
    int close = open + 1;
    while (close < lines.length && !lines[close].strip().equals(DELIMITER)) {
      close++;
    }
    if (close == lines.length) {
      throw new KnowledgeFormatException(fileName, "front matter not closed with ---");
    }
    FrontMatter front =
        FrontMatter.read(fileName, Arrays.asList(lines).subList(open + 1, close), open + 2);

    String body =
        String.join("\n", Arrays.asList(lines).subList(close + 1, lines.length))
            .replaceFirst("^(?:[ \\t]*\\n)+", "")
            .stripTrailing();
    if (body.isBlank()) {
      throw new KnowledgeFormatException(fileName, "empty body");
    }
    return new KnowledgeSource(
        slug,
        front.title().strip(),
        front.source().strip(),
        front.owner().strip(),
        front.validFrom(),
        front.updated(),
        front.keywordList(),
        body,
        (int) ANY_MARKER.matcher(body).results().count(),
        passages(body, maxPassageChars));
  }

  /** The slug of a file: its name without {@code .md}, lower-case, safe for URLs and paths. */
  public static String slugOf(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    String slug = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    if (!SLUG.matcher(slug).matches()) {
      throw new KnowledgeFormatException(fileName, "invalid file name; use lower-case letters, digits and hyphens");
    }
    return slug;
  }

  private static void rejectControlCharacters(String fileName, String text) {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (Character.isISOControl(c) && c != '\t') {
        throw new KnowledgeFormatException(
            fileName, String.format("control character U+%04X in line %d", (int) c, line));
      }
    }
  }

  private static List<KnowledgeSource.Passage> passages(String body, int maxChars) {
    String unmarked = INLINE_MARKER.matcher(LEADING_MARKER.matcher(body).replaceAll("$1")).replaceAll("");
    List<KnowledgeSource.Passage> passages = new ArrayList<>();
    String heading = null;
    StringBuilder section = new StringBuilder();
    boolean inCode = false;
    for (String line : unmarked.split("\n", -1)) {
      Matcher match = HEADING.matcher(line);
      if (!inCode && match.matches()) {
        addSection(passages, heading, section, maxChars);
        String text = match.group(1) == null ? "" : inline(match.group(1)).strip();
        heading = text.isEmpty() ? null : text;
      } else {
        // Inside fenced code a '#' is a comment, not a heading, and '__' is no emphasis.
        String stripped = line.strip();
        if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
          inCode = !inCode;
        }
        section.append(inCode ? line.stripTrailing() : inline(line).stripTrailing()).append('\n');
      }
    }
    addSection(passages, heading, section, maxChars);
    return passages;
  }

  private static void addSection(
      List<KnowledgeSource.Passage> passages, String heading, StringBuilder section, int maxChars) {
    String text = section.toString().replaceAll("\n{3,}", "\n\n").strip();
    section.setLength(0);
    for (String piece : pieces(text, maxChars)) {
      passages.add(new KnowledgeSource.Passage(passages.size(), heading, piece));
    }
  }

  /** Markdown inline syntax a reader does not need: emphasis markers, link brackets. */
  private static String inline(String line) {
    StringBuilder out = new StringBuilder();
    Matcher link = LINK.matcher(line);
    int last = 0;
    while (link.find()) {
      out.append(withoutEmphasis(line.substring(last, link.start())));
      String text = withoutEmphasis(link.group(1)).strip();
      String url = link.group(2);
      out.append(text.isEmpty() || text.equals(url) ? url : text + " (" + url + ")");
      last = link.end();
    }
    return out.append(withoutEmphasis(line.substring(last))).toString();
  }

  private static String withoutEmphasis(String text) {
    return EMPHASIS.matcher(text).replaceAll("");
  }

  /**
   * Cuts text into pieces of at most maxChars, each at the latest boundary of the best kind (also
   * used for the sections of crawled pages).
   */
  static List<String> pieces(String text, int maxChars) {
    List<String> pieces = new ArrayList<>();
    String rest = text;
    while (rest.length() > maxChars) {
      int[] cut = cut(rest, maxChars);
      pieces.add(rest.substring(0, cut[0]).stripTrailing());
      rest = rest.substring(cut[1]).stripLeading();
    }
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  /** Where the first piece of text ends and the rest starts. */
  private static int[] cut(String text, int maxChars) {
    for (Pattern boundary : BOUNDARIES) {
      Matcher match = boundary.matcher(text);
      int[] latest = null;
      while (match.find() && match.start() <= maxChars) {
        if (match.start() > 0) {
          latest = new int[] {match.start(), match.end()};
        }
      }
      if (latest != null) {
        return latest;
      }
    }
    int hard = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return new int[] {hard, hard};
  }
}

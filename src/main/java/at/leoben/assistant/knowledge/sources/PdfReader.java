package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.knowledge.CrawledDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF with Apache PDFBox: its text line by line with the font size of each line. Lines set
 * clearly larger than the body text are headings; each section keeps the page it starts on as its
 * fragment ({@code #page=3}, which PDF viewers open). A PDF without text (a scan) is reported, never
 * imported empty.
 */
final class PdfReader {

  /** A heading is set at least this much larger than the body text. */
  private static final double HEADING_RATIO = 1.15;

  private static final int MAX_HEADING_CHARS = 150;

  /** Fewer letters and digits than this per page: a scan, not a text PDF. */
  private static final int MIN_CHARS_PER_PAGE = 20;

  /** The PDF could not be read as text. */
  static final class Unreadable extends Exception {
    private final boolean scanned;

    Unreadable(String message, boolean scanned) {
      super(message, null, false, false);
      this.scanned = scanned;
    }

    /** It is a PDF, but has no text: a scan without text recognition. */
    boolean scanned() {
      return scanned;
    }
  }

  private record Line(String text, float size, int page) {}

  private PdfReader() {}

  static PageContent read(byte[] pdf, String fallbackTitle) throws Unreadable {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      LineCollector lines = new LineCollector();
      lines.setSortByPosition(true);
      lines.getText(document);
      long letters = lines.lines.stream().mapToLong(l -> l.text().codePoints().filter(Character::isLetterOrDigit).count()).sum();
      if (letters < (long) MIN_CHARS_PER_PAGE * Math.max(1, document.getNumberOfPages())) {
        throw new Unreadable("no text", true);
      }
      String title = document.getDocumentInformation().getTitle();
      return sections(lines.lines, title == null || title.isBlank() ? null : title.strip(), fallbackTitle);
    } catch (IOException e) {
      throw new Unreadable(e.getMessage(), false);
    }
  }

  private static PageContent sections(List<Line> lines, String metadataTitle, String fallbackTitle) {
    float body = bodySize(lines);
    List<CrawledDocuments.Section> sections = new ArrayList<>();
    String heading = null;
    int page = 1;
    String firstHeading = null;
    StringBuilder text = new StringBuilder();
    for (Line line : lines) {
      boolean isHeading = line.size() >= body * HEADING_RATIO && line.text().length() <= MAX_HEADING_CHARS;
      if (isHeading) {
        add(sections, heading, page, text);
        heading = line.text();
        page = line.page();
        if (firstHeading == null) {
          firstHeading = heading;
        }
      } else {
        if (text.isEmpty() && heading == null) {
          page = line.page();
        }
        text.append(line.text()).append('\n');
      }
    }
    add(sections, heading, page, text);
    String title = metadataTitle != null ? metadataTitle : firstHeading != null ? firstHeading : fallbackTitle;
    return new PageContent(title, sections);
  }

  private static void add(List<CrawledDocuments.Section> sections, String heading, int page, StringBuilder text) {
    String body = text.toString().strip();
    text.setLength(0);
    if (!body.isEmpty()) {
      sections.add(new CrawledDocuments.Section(heading, "page=" + page, body));
    }
  }

  /** The font size most characters are set in. */
  private static float bodySize(List<Line> lines) {
    Map<Float, Integer> chars = new HashMap<>();
    for (Line line : lines) {
      chars.merge(line.size(), line.text().length(), Integer::sum);
    }
    return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
  }

  /** Collects the text line by line with the largest font size in each line. */
  private static final class LineCollector extends PDFTextStripper {

    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private float size;

    LineCollector() throws IOException {
      super();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      current.append(text);
      for (TextPosition position : positions) {
        size = Math.max(size, Math.round(position.getFontSizeInPt() * 10) / 10f);
      }
    }

    @Override
    protected void writeWordSeparator() {
      current.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
      endLine();
      super.endPage(page);
    }

    private void endLine() {
      String text = current.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
      if (!text.isEmpty()) {
        lines.add(new Line(text, size, getCurrentPageNo()));
      }
      current.setLength(0);
      size = 0;
    }
  }

  /** A PDF starts with "%PDF-", whatever the server says its type is. */
  static boolean looksLikePdf(byte[] bytes) {
    return bytes.length >= 5
        && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
  }
}

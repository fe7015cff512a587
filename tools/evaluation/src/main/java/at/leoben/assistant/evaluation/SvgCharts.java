package at.leoben.assistant.evaluation;

import static at.leoben.assistant.evaluation.Escape.html;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG: no scripts, no fonts or images from elsewhere. Each has a title for screen
 * readers, and the report shows the same numbers in a table next to it.
 */
final class SvgCharts {

  /** One bar: a label, a value and its text. */
  record Bar(String label, double value, String text, String colour) {}

  static final String BLUE = "#1f5f99";
  static final String GREY = "#9aa5b1";
  static final String GREEN = "#2e7d32";
  static final String AMBER = "#b26a00";
  static final String RED = "#c62828";

  private static final int LABEL_WIDTH = 300;
  private static final int BAR_WIDTH = 360;
  private static final int ROW = 26;

  private SvgCharts() {}

  /** Horizontal bars scaled to {@code max} (1.0 for shares). */
  static String bars(String id, String title, List<Bar> bars, double max) {
    int height = bars.size() * ROW + 10;
    int width = LABEL_WIDTH + BAR_WIDTH + 110;
    StringBuilder svg = open(id, title, width, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = 5 + i * ROW;
      double length = max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value() / max)) * BAR_WIDTH;
      svg.append("<g><title>").append(html(bar.label() + ": " + bar.text())).append("</title>")
          .append(text(LABEL_WIDTH - 8, y + 17, "end", bar.label()))
          .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#eef1f4\"/>", LABEL_WIDTH, y + 3, BAR_WIDTH))
          .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>", LABEL_WIDTH, y + 3, length, bar.colour()))
          .append(text(LABEL_WIDTH + BAR_WIDTH + 8, y + 17, "start", bar.text()))
          .append("</g>");
    }
    return svg.append("</svg>").toString();
  }

  /** Pairs of bars, earlier run (grey) above this run (blue), for the comparison. */
  static String pairs(String id, String title, List<Bar> before, List<Bar> after, double max) {
    int height = before.size() * ROW * 2 + 30;
    int width = LABEL_WIDTH + BAR_WIDTH + 110;
    StringBuilder svg = open(id, title, width, height);
    for (int i = 0; i < before.size(); i++) {
      int y = 5 + i * ROW * 2;
      svg.append(text(LABEL_WIDTH - 8, y + 24, "end", before.get(i).label()));
      svg.append(bar(y, before.get(i), max, "früher")).append(bar(y + 20, after.get(i), max, "jetzt"));
    }
    int legend = height - 14;
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", LABEL_WIDTH, legend, GREY))
        .append(text(LABEL_WIDTH + 16, legend + 11, "start", "früherer Lauf"))
        .append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", LABEL_WIDTH + 140, legend, BLUE))
        .append(text(LABEL_WIDTH + 156, legend + 11, "start", "dieser Lauf"));
    return svg.append("</svg>").toString();
  }

  /** One square per question, coloured by its outcome; the title of each names the question. */
  static String grid(String id, String title, List<Bar> cells) {
    int perRow = 20;
    int size = 22;
    int rows = (cells.size() + perRow - 1) / perRow;
    StringBuilder svg = open(id, title, perRow * size + 4, Math.max(1, rows) * size + 4);
    for (int i = 0; i < cells.size(); i++) {
      Bar cell = cells.get(i);
      svg.append("<rect x=\"").append(2 + (i % perRow) * size).append("\" y=\"").append(2 + (i / perRow) * size)
          .append("\" width=\"").append(size - 3).append("\" height=\"").append(size - 3).append("\" fill=\"")
          .append(cell.colour()).append("\"><title>").append(html(cell.label() + ": " + cell.text())).append("</title></rect>");
    }
    return svg.append("</svg>").toString();
  }

  private static String bar(int y, Bar bar, double max, String which) {
    double length = max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value() / max)) * BAR_WIDTH;
    return "<g><title>" + html(bar.label() + " (" + which + "): " + bar.text()) + "</title>"
        + String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>", LABEL_WIDTH, y + 5, length, bar.colour())
        + text(LABEL_WIDTH + (int) length + 6, y + 18, "start", bar.text()) + "</g>";
  }

  private static StringBuilder open(String id, String title, int width, int height) {
    return new StringBuilder()
        .append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
            html(id), width, height, width, height))
        .append("<title id=\"").append(html(id)).append("\">").append(html(title)).append("</title>");
  }

  private static String text(int x, int y, String anchor, String text) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"13\">", x, y, anchor)
        + html(text) + "</text>";
  }
}

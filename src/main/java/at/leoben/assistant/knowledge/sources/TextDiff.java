package at.leoben.assistant.knowledge.sources;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;

/** What changed in a page's text, as a unified diff (java-diff-utils) in lines an editor reads. */
final class TextDiff {

  private static final int CONTEXT_LINES = 2;

  /** One line of the diff: {@code kind} is "hunk", "added", "removed" or "same". */
  public record Line(String kind, String text) {}

  private TextDiff() {}

  static List<Line> between(String before, String after) {
    List<String> old = before == null ? List.of() : before.lines().toList();
    List<String> now = after == null ? List.of() : after.lines().toList();
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff("vorher", "nachher", old, DiffUtils.diff(old, now), CONTEXT_LINES);
    List<Line> lines = new ArrayList<>();
    for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
      if (line.startsWith("@@")) {
        lines.add(new Line("hunk", line));
      } else if (line.startsWith("+")) {
        lines.add(new Line("added", line.substring(1)));
      } else if (line.startsWith("-")) {
        lines.add(new Line("removed", line.substring(1)));
      } else {
        lines.add(new Line("same", line.isEmpty() ? line : line.substring(1)));
      }
    }
    return lines;
  }
}

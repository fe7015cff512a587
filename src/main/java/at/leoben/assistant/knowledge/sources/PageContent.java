package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.knowledge.CrawledDocuments;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a page says, as read from its HTML or PDF: a title and sections, each with its heading and
 * the fragment that opens it. Pages are compared by the hash of this, not of their bytes, so a new
 * date in a footer or a rotated banner is no change.
 */
record PageContent(String title, List<CrawledDocuments.Section> sections) {

  PageContent {
    sections = List.copyOf(sections);
  }

  boolean isEmpty() {
    return sections.isEmpty();
  }

  /** The page as editors read it and diffs compare it: headings as Markdown headings. */
  String text() {
    StringBuilder text = new StringBuilder("# ").append(title).append('\n');
    for (CrawledDocuments.Section section : sections) {
      text.append('\n');
      if (section.heading() != null) {
        text.append("## ").append(section.heading()).append("\n\n");
      }
      text.append(section.text()).append('\n');
    }
    return text.toString();
  }

  /** SHA-256 of the text and the anchors: a renamed anchor changes where citations point. */
  String hash() {
    StringBuilder canonical = new StringBuilder(text());
    sections.forEach(section -> canonical.append('\u0000').append(section.anchor()));
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** The text behind each deep link of the page (sections sharing a link joined). */
  Map<String, String> textByLink(String pageUrl) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (CrawledDocuments.Section section : sections) {
      String link = section.anchor() == null ? pageUrl : pageUrl + "#" + section.anchor();
      texts.merge(link, section.heading() + "\n" + section.text(), (a, b) -> a + "\n" + b);
    }
    return texts;
  }
}

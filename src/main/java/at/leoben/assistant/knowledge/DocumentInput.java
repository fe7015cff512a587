package at.leoben.assistant.knowledge;

import java.util.List;

/**
 * A document as an admin sends it. It is checked by the same rules as an imported Markdown file,
 * so both ways into the knowledge base accept exactly the same documents.
 */
public record DocumentInput(
    String slug,
    String title,
    String sourceUrl,
    String owner,
    String validFrom,
    String updated,
    List<String> keywords,
    String body,
    Integer version) {

  /** The Markdown file this input would be. */
  String toMarkdown() {
    StringBuilder markdown = new StringBuilder("---\n");
    line(markdown, "title", title);
    line(markdown, "source", sourceUrl);
    line(markdown, "owner", owner);
    line(markdown, "valid-from", validFrom);
    line(markdown, "updated", updated);
    if (keywords != null && !keywords.isEmpty()) {
      line(markdown, "keywords", String.join(", ", keywords));
    }
    return markdown.append("---\n").append(body == null ? "" : body).toString();
  }

  private static void line(StringBuilder markdown, String key, String value) {
    if (value == null || value.isBlank()) {
      return; // the parser names the missing key
    }
    if (value.contains("\n") || value.contains("\r")) {
      throw new KnowledgeFormatException("document", "'" + key + "' must be a single line");
    }
    markdown.append(key).append(": \"").append(value.strip()).append("\"\n");
  }
}

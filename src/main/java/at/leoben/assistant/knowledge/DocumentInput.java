package at.leoben.assistant.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> front = new LinkedHashMap<>();
    put(front, "title", title);
    put(front, "source", sourceUrl);
    put(front, "owner", owner);
    put(front, "valid-from", validFrom);
    put(front, "updated", updated);
    if (keywords != null && !keywords.isEmpty()) {
      front.put("keywords", keywords);
    }
    return FrontMatter.write(front) + "---\n" + (body == null ? "" : body);
  }

  private static void put(Map<String, Object> front, String key, String value) {
    if (value == null || value.isBlank()) {
      return; // the parser names the missing key
    }
    if (value.contains("\n") || value.contains("\r")) {
      throw new KnowledgeFormatException("document", "'" + key + "' must be a single line");
    }
    front.put(key, value.strip());
  }
}

package at.leoben.assistant.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * One Markdown document of the city as read from a file: its front matter, the body as written
 * (with its {@code [[prüfen]]} markers) and the passages cut from it for search.
 *
 * @param validFrom null when the document does not say
 * @param unconfirmedFacts how many facts the author marked with {@code [[prüfen]]} as still to check
 */
public record KnowledgeSource(
    String slug,
    String title,
    String sourceUrl,
    String owner,
    LocalDate validFrom,
    LocalDate updated,
    List<String> keywords,
    String body,
    int unconfirmedFacts,
    List<Passage> passages) {

  public KnowledgeSource {
    keywords = List.copyOf(keywords);
    passages = List.copyOf(passages);
  }

  /**
   * A searchable piece of the body, markers removed.
   *
   * @param heading the nearest heading above the text; null for text before the first heading
   */
  public record Passage(int position, String heading, String text) {}
}

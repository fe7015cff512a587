package at.leoben.assistant.knowledge;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In how many of the city's documents a search word occurs, matched as retrieval matches it
 * (stemmed, transliterated, or by prefix for long words). Kept per word until the knowledge
 * changes, so a turn costs at most one small index lookup per new word.
 */
final class DocumentFrequency {

  /** Citizens' words include every typo: the cache starts afresh beyond this many. */
  private static final int MAX_WORDS = 50_000;

  private static final String COUNT =
      """
      select count(distinct p.document_id)
      from knowledge_passage p
      where p.search @@ plainto_tsquery('german', :word)
         or p.search @@ plainto_tsquery('german', kb_transliterate(:word))
         or (length(:word) >= 8
             and p.search @@ to_tsquery('simple', kb_transliterate(left(:word, greatest(5, length(:word) / 2))) || ':*'))
      """;

  private final EntityManager entities;
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private volatile Object revision;
  private volatile int documents;

  DocumentFrequency(EntityManager entities) {
    this.entities = entities;
  }

  /** The number of documents per word (within the caller's transaction). */
  Map<String, Integer> of(Collection<String> words) {
    refresh();
    Map<String, Integer> result = new HashMap<>();
    for (String word : words) {
      result.put(word, counts.computeIfAbsent(word, this::count));
    }
    return result;
  }

  /** The number of the city's documents. */
  int documents() {
    refresh();
    return documents;
  }

  private void refresh() {
    Object changed = entities.createNativeQuery("select changed_at from knowledge_revision where id = 1").getSingleResult();
    if (!changed.equals(revision) || counts.size() > MAX_WORDS) {
      counts.clear();
      documents = ((Number) entities.createNativeQuery("select count(*) from knowledge_document").getSingleResult()).intValue();
      revision = changed;
    }
  }

  private int count(String word) {
    return ((Number) entities.createNativeQuery(COUNT).setParameter("word", word).getSingleResult()).intValue();
  }
}

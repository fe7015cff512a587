package at.leoben.assistant.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the city's passages for a question: PostgreSQL full-text search with the german
 * configuration over a GIN index, title above keywords above headings above text.
 */
@ApplicationScoped
public class KnowledgeBase {

  /**
   * Candidates are passages whose title, keywords or heading match any word of the question, or
   * whose text matches all of them; only those are ranked. Ranking every passage that shares one
   * common word with the question would not scale to thousands of passages.
   */
  static final String SEARCH =
      """
      select p.id, d.slug, p.title, p.heading, p.content, d.source_url,
             ts_rank(p.search, %1$s, 1) as rank
      from knowledge_passage p
      join knowledge_document d on d.id = p.document_id
      where p.head @@ %1$s or p.search @@ websearch_to_tsquery('german', :allWords)
      order by rank desc, p.id
      limit :limit
      """
          // Written out in place (not in a subquery) so that the planner uses the GIN indexes.
          .formatted(
              "(websearch_to_tsquery('german', :words)"
                  + " || coalesce(to_tsquery('simple', nullif(:prefixes, '')), ''::tsquery))");

  private final EntityManager entities;
  private final KnowledgeConfig config;
  private final SearchQuery query;

  public KnowledgeBase(EntityManager entities, KnowledgeConfig config) {
    this.entities = entities;
    this.config = config;
    this.query = SearchQuery.load();
  }

  /**
   * The most relevant passages, best first, that fit the prompt budget; empty when nothing is
   * relevant enough to answer from.
   */
  @Transactional
  public List<RetrievedPassage> retrieve(String question) {
    List<RetrievedPassage> found = search(question, config.topPassages() * 3);
    List<RetrievedPassage> chosen = new ArrayList<>();
    int budget = config.promptBudgetChars();
    for (RetrievedPassage passage : found) {
      if (passage.rank() < config.minRank() || chosen.size() == config.topPassages()) {
        break;
      }
      if (passage.text().length() <= budget) {
        chosen.add(passage);
        budget -= passage.text().length();
      }
    }
    return List.copyOf(chosen);
  }

  /** Ranked matches without the relevance cut-off, for evaluation and benchmarks. */
  @Transactional
  public List<RetrievedPassage> search(String question, int limit) {
    SearchQuery.Terms terms = query.terms(question);
    if (terms.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(SEARCH)
            .setParameter("words", terms.websearch())
            .setParameter("allWords", terms.allWords())
            .setParameter("prefixes", terms.prefixes())
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new RetrievedPassage(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    ((Number) row[6]).doubleValue()))
        .toList();
  }

  /** When the knowledge last changed; answers older than that are not reused. */
  @Transactional
  public Instant lastChange() {
    Object changed =
        entities.createNativeQuery("select changed_at from knowledge_revision where id = 1").getSingleResult();
    return changed instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) changed;
  }
}

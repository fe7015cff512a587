package at.leoben.assistant.knowledge;

import at.leoben.assistant.tokens.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
      select p.id, d.slug, p.title, p.heading, p.content,
             case when p.anchor is null then d.source_url else d.source_url || '#' || p.anchor end,
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
  private final DocumentFrequency documentFrequency;

  public KnowledgeBase(EntityManager entities, KnowledgeConfig config) {
    this.entities = entities;
    this.config = config;
    this.query = SearchQuery.load();
    this.documentFrequency = new DocumentFrequency(entities);
  }

  /**
   * The most relevant passages, best first, that fit the prompt budget; empty when nothing is
   * relevant enough to answer from.
   */
  @Transactional
  public List<RetrievedPassage> retrieve(String question) {
    SearchQuery.Terms terms = query.terms(question);
    List<RetrievedPassage> found = search(question, candidates());
    return choose(found, specific(terms, found));
  }

  /** What retrieval does with a question, step by step, for an admin fixing a wrong answer. */
  @Transactional
  public Inspection inspect(String question) {
    SearchQuery.Terms terms = query.terms(question);
    List<RetrievedPassage> found = search(question, candidates());
    Map<Long, List<String>> matched = matchedWords(terms, found);
    Set<Long> specific = specific(matched);
    List<RetrievedPassage> chosen = choose(found, specific);
    List<Inspection.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      RetrievedPassage passage = found.get(i);
      candidates.add(
          new Inspection.Candidate(
              i + 1,
              passage,
              passage.rank() >= config.minRank()
                  && (specific.contains(passage.id()) || passage.rank() >= config.strongRank()),
              chosen.contains(passage),
              matched.getOrDefault(passage.id(), List.of())));
    }
    return new Inspection(
        question, terms.words(), config.minRank(), config.topPassages(), config.promptBudgetTokens(), candidates);
  }

  private int candidates() {
    return config.topPassages() * 3;
  }

  private List<RetrievedPassage> choose(List<RetrievedPassage> found, Set<Long> specific) {
    List<RetrievedPassage> chosen = new ArrayList<>();
    int tokens = config.promptBudgetTokens();
    int chars = config.promptBudgetChars().orElse(Integer.MAX_VALUE);
    for (RetrievedPassage passage : found) {
      if (passage.rank() < config.minRank() || chosen.size() == config.topPassages()) {
        break;
      }
      int size = promptTokens(passage);
      boolean grounded = specific.contains(passage.id()) || passage.rank() >= config.strongRank();
      if (grounded && size <= tokens && passage.text().length() <= chars) {
        chosen.add(passage);
        tokens -= size;
        chars -= passage.text().length();
      }
    }
    return List.copyOf(chosen);
  }

  /** The prompt quotes title and heading with the text: they count as well. */
  private static int promptTokens(RetrievedPassage passage) {
    String heading = passage.heading() == null ? "" : passage.heading();
    return Tokens.estimate(passage.documentTitle()) + Tokens.estimate(heading) + Tokens.estimate(passage.text());
  }

  /** The passages above the threshold that matched a specific word of the question (see {@link #specific(Map)}). */
  private Set<Long> specific(SearchQuery.Terms terms, List<RetrievedPassage> found) {
    List<RetrievedPassage> relevant = found.stream().filter(p -> p.rank() >= config.minRank()).toList();
    return relevant.isEmpty() ? Set.of() : specific(matchedWords(terms, relevant));
  }

  /**
   * Of the passages, those that matched at least one specific word: a word found in at most {@code
   * specific-word-share} of the city's documents. "Findet der Stadtlauf statt, wie melde ich mich
   * an?" matched the dog registration by "melde", a word many pages use; what is asked for, the
   * "Stadtlauf", is in none. Such a passage is no grounding (nothing found),
   * unless it ranks at {@code strong-rank} or above (many of the question's words in one passage).
   */
  private Set<Long> specific(Map<Long, List<String>> matched) {
    Set<String> words = new HashSet<>();
    matched.values().forEach(words::addAll);
    Map<String, Integer> documents = documentFrequency.of(words);
    int limit = Math.max(1, (int) Math.floor(documentFrequency.documents() * config.specificWordShare()));
    Set<Long> specific = new HashSet<>();
    matched.forEach(
        (id, list) -> {
          if (list.stream().anyMatch(word -> documents.getOrDefault(word, 0) <= limit)) {
            specific.add(id);
          }
        });
    return specific;
  }

  /**
   * Which words of the question each passage matched: as a German word (stemmed, also spelled
   * without umlauts) or, for long words, by the prefix the search uses for compounds.
   */
  private Map<Long, List<String>> matchedWords(SearchQuery.Terms terms, List<RetrievedPassage> found) {
    Map<Long, List<String>> matched = new HashMap<>();
    if (found.isEmpty() || terms.words().isEmpty()) {
      return matched;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(MATCHED_WORDS)
            .setParameter("ids", found.stream().map(RetrievedPassage::id).toList())
            .setParameter("words", String.join(" ", terms.words()))
            .getResultList();
    for (Object[] row : rows) {
      matched.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add((String) row[1]);
    }
    return matched;
  }

  private static final String MATCHED_WORDS =
      """
      select p.id, w.word
      from knowledge_passage p
      cross join unnest(string_to_array(:words, ' ')) with ordinality as w(word, n)
      where p.id in (:ids)
        and (p.search @@ plainto_tsquery('german', w.word)
             or p.search @@ plainto_tsquery('german', kb_transliterate(w.word))
             or (length(w.word) >= 8
                 and p.search @@ to_tsquery('simple', kb_transliterate(left(w.word, greatest(5, length(w.word) / 2))) || ':*')))
      order by p.id, w.n
      """;

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

  /** In how many documents each word occurs, and of how many (for calibrating the specific-word share). */
  @Transactional
  public Map<String, Integer> documentFrequencies(java.util.Collection<String> words) {
    Map<String, Integer> result = new HashMap<>(documentFrequency.of(words));
    result.put("", documentFrequency.documents());
    return result;
  }

  /** When the knowledge last changed; answers older than that are not reused. */
  @Transactional
  public Instant lastChange() {
    Object changed =
        entities.createNativeQuery("select changed_at from knowledge_revision where id = 1").getSingleResult();
    return changed instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) changed;
  }
}

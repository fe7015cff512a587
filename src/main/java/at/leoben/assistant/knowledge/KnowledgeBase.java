package at.leoben.assistant.knowledge;

import at.leoben.assistant.tokens.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the city's passages for a question: PostgreSQL full-text search with the german
 * configuration over a GIN index, title above keywords above headings above text.
 */
@ApplicationScoped
public class KnowledgeBase {

  /** Passages with their document and full-text rank, best first; {@code %2$s} is the candidate filter. */
  private static final String RANKED =
      """
      select p.id, d.slug, p.title, p.heading, p.content,
             case when p.anchor is null then d.source_url else d.source_url || '#' || p.anchor end,
             ts_rank(p.search, %1$s, 1) as rank
      from knowledge_passage p
      join knowledge_document d on d.id = p.document_id
      where %2$s
      order by rank desc, p.id
      limit :limit
      """;

  /** Any word of the question as a German word, or long words by their prefix (compounds). */
  private static final String ANY_WORD =
      "(websearch_to_tsquery('german', :words)"
          + " || coalesce(to_tsquery('simple', nullif(:prefixes, '')), ''::tsquery))";

  /**
   * Candidates are passages whose title, keywords or heading match any word of the question, or
   * whose text matches all of them; only those are ranked. Ranking every passage that shares one
   * common word with the question would not scale to thousands of passages. The query is written
   * out in place (not in a subquery) so that the planner uses the GIN indexes.
   */
  static final String SEARCH =
      RANKED.formatted(ANY_WORD, "p.head @@ %s or p.search @@ websearch_to_tsquery('german', :allWords)".formatted(ANY_WORD));

  /** The passages of the given documents that match any word of the question. */
  private static final String SEARCH_IN = RANKED.formatted(ANY_WORD, "d.slug in (:slugs) and p.search @@ " + ANY_WORD);

  private final EntityManager entities;
  private final KnowledgeConfig config;
  private final SearchQuery query;
  private final DocumentEvidence evidence;

  public KnowledgeBase(EntityManager entities, KnowledgeConfig config) {
    this.entities = entities;
    this.config = config;
    this.query = SearchQuery.load();
    this.evidence = new DocumentEvidence(entities);
  }

  /**
   * The most relevant passages, best first, that fit the prompt budget; empty when nothing is
   * relevant enough to answer from. Which documents are relevant is decided per document by the
   * evidence of the question's words (DocumentEvidence); the full-text rank orders the passages
   * within them.
   */
  @Transactional
  public List<RetrievedPassage> retrieve(String question) {
    SearchQuery.Terms terms = query.terms(question);
    return chosen(terms, evidenceOf(question, terms).grounded(config));
  }

  /** What retrieval does with a question, step by step, for an admin fixing a wrong answer. */
  @Transactional
  public Inspection inspect(String question) {
    SearchQuery.Terms terms = query.terms(question);
    DocumentEvidence.Result result = evidenceOf(question, terms);
    List<String> grounded = result.grounded(config);
    List<RetrievedPassage> chosen = chosen(terms, grounded);
    List<Long> chosenIds = chosen.stream().map(RetrievedPassage::id).toList();
    List<RetrievedPassage> found = new ArrayList<>(chosen);
    search(terms, candidates()).stream()
        .filter(p -> !chosenIds.contains(p.id()))
        .sorted(java.util.Comparator.comparingDouble((RetrievedPassage p) -> -result.documents().getOrDefault(p.slug(), 0.0)))
        .forEach(found::add);
    Map<Long, List<String>> matched = matchedWords(terms, found);
    List<Inspection.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      RetrievedPassage passage = found.get(i);
      candidates.add(
          new Inspection.Candidate(
              i + 1,
              passage,
              result.documents().getOrDefault(passage.slug(), 0.0),
              grounded.contains(passage.slug()),
              chosenIds.contains(passage.id()),
              matched.getOrDefault(passage.id(), List.of())));
    }
    return new Inspection(
        question, terms.words(), result.threshold(config), config.topPassages(), config.promptBudgetTokens(), candidates);
  }

  /**
   * The evidence per document for a question, best first, and the question's words of seven letters
   * or more that no passage contains (for calibrating {@code min-evidence} and {@code
   * min-evidence-unknown-word}, RelevanceTest).
   */
  @Transactional
  public Evidence evidence(String question) {
    DocumentEvidence.Result result = evidenceOf(question, query.terms(question));
    return new Evidence(result.documents(), result.unknownWords());
  }

  /** See {@link #evidence(String)}. */
  public record Evidence(Map<String, Double> documents, List<String> unknownWords) {}

  private DocumentEvidence.Result evidenceOf(String question, SearchQuery.Terms terms) {
    return terms.isEmpty() ? DocumentEvidence.Result.NONE : evidence.of(question, terms.words(), config.bodyWeight());
  }

  /** The passages to answer from: of the grounded documents only, none without any. */
  private List<RetrievedPassage> chosen(SearchQuery.Terms terms, List<String> grounded) {
    return grounded.isEmpty() ? List.of() : choose(searchIn(terms, grounded), grounded);
  }

  private int candidates() {
    return config.topPassages() * 3;
  }

  /**
   * First the best passage of each grounded document (best document first), so that a question
   * between two topics gets both; then the further passages by rank; within the prompt budget.
   */
  private List<RetrievedPassage> choose(List<RetrievedPassage> found, List<String> documents) {
    List<RetrievedPassage> ordered = new ArrayList<>();
    for (String document : documents) {
      found.stream().filter(p -> p.slug().equals(document)).findFirst().ifPresent(ordered::add);
    }
    found.stream().filter(p -> !ordered.contains(p)).forEach(ordered::add);
    List<RetrievedPassage> chosen = new ArrayList<>();
    int tokens = config.promptBudgetTokens();
    int chars = config.promptBudgetChars().orElse(Integer.MAX_VALUE);
    for (RetrievedPassage passage : ordered) {
      if (chosen.size() == config.topPassages()) {
        break;
      }
      int size = promptTokens(passage);
      if (size <= tokens && passage.text().length() <= chars) {
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

  /** The passages of the given documents that match any word of the question, by rank. */
  private List<RetrievedPassage> searchIn(SearchQuery.Terms terms, List<String> documents) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities
            .createNativeQuery(SEARCH_IN)
            .setParameter("words", terms.websearch())
            .setParameter("prefixes", terms.prefixes())
            .setParameter("slugs", documents)
            .setParameter("limit", candidates())
            .getResultList();
    return passages(rows);
  }

  private static List<RetrievedPassage> passages(List<Object[]> rows) {
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
    return search(query.terms(question), limit);
  }

  private List<RetrievedPassage> search(SearchQuery.Terms terms, int limit) {
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
    return passages(rows);
  }

  /** When the knowledge last changed; answers older than that are not reused. */
  @Transactional
  public Instant lastChange() {
    Object changed =
        entities.createNativeQuery("select changed_at from knowledge_revision where id = 1").getSingleResult();
    return changed instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) changed;
  }
}

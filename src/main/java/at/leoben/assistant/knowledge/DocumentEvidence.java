package at.leoben.assistant.knowledge;

import at.leoben.assistant.resources.TextResources;
import jakarta.persistence.EntityManager;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How strongly a question points to each of the city's documents: every word of the question that
 * a document has in its title, keywords or headings counts by how few documents have it there (a
 * word in the head of one document only is worth 1, in the head of all of them 0); a word only in a
 * document's text counts {@code body-weight} of that, by how few documents contain it at all. Words
 * that ask without naming what about ("wann", "Öffnungszeiten", "kostet", "anmelden": {@code
 * knowledge/question-words.txt}) and stop words do not count.
 *
 * <p>Why not the full-text rank: it grows with any shared word, so a question about something the
 * texts never mention ("Wann hat der Christkindlmarkt offen?") finds the page that has opening
 * hours; and a body text that mentions the Bürgerservice for contact makes every page a match for
 * "Bürgerservice". What a page is about is in its head; how many pages share a word says how much
 * it tells them apart.
 */
final class DocumentEvidence {

  /** A word in the title says more than one among the keywords, a heading less. */
  private static final double TITLE = 1.5;

  private static final double KEYWORDS = 1.0;
  /** A word that is only part of a keyword of several words ("Steiermark" of "Steiermärkisches Veranstaltungsgesetz"). */
  private static final double PART_OF_KEYWORD = 0.8;

  private static final double HEADING = 0.6;

  /**
   * A question word this long that no passage contains names something the texts do not cover
   * ("Stadtbibliothek", "Musikschule", "Volksschule"): then the evidence must be stronger. Shorter
   * unknown words are mostly dialect, typos and fillers. Only the word itself counts, not its
   * prefix: "Stadtbücherei" shares "Stadtb…" with "Stadtbaudirektion" and is still unknown. In a
   * message that capitalises its nouns (German), an unknown word written in lower case is a verb,
   * adjective or adverb ("abgeholt", "anzumelden", "ziemlich"), not a thing asked about.
   */
  static final int UNKNOWN_WORD_LENGTH = 7;

  private static final Pattern WORD_OR_STOP = Pattern.compile("\\p{L}+|[.!?:]");

  /**
   * Per question word (stop words left out) the documents whose passages match it as retrieval
   * matches (stemmed, transliterated, by prefix for long words), and where: title, keywords,
   * heading or only the text; whether as the word itself (not only by its prefix); and whether it
   * is one of the document's keywords on its own ("Parkausweis", not only a part of "Parkausweis
   * 29b" or "Haus" of "Haus bauen"). A word no passage matches comes back once, without a document.
   * Every row also carries the number of documents (one round trip per turn, not two).
   */
  private static final String MATCHES =
      """
      select w.word, d.slug,
             (select count(*) from knowledge_document),
             bool_or(ts_filter(p.search, '{a}') @@ w.q),
             bool_or(ts_filter(p.search, '{b}') @@ w.q),
             bool_or(ts_filter(p.search, '{c}') @@ w.q),
             bool_or(p.search @@ w.exact),
             bool_or(ts_filter(p.search, '{b}') @@ w.exact)
               and exists (select 1 from unnest(string_to_array(d.keywords, ',')) as entry
                           where btrim(entry) !~ '\\s'
                             and (to_tsvector('german', entry) || to_tsvector('german', kb_transliterate(entry))) @@ w.exact)
      from (select word,
                   plainto_tsquery('german', word) as german,
                   plainto_tsquery('german', word) || plainto_tsquery('german', kb_transliterate(word)) as exact,
                   plainto_tsquery('german', word) || plainto_tsquery('german', kb_transliterate(word))
                     || case when length(word) >= 8
                             then to_tsquery('simple', kb_transliterate(left(word, greatest(5, length(word) / 2))) || ':*')
                             else ''::tsquery end as q
            from unnest(string_to_array(:words, ' ')) as word) w
      left join knowledge_passage p on p.search @@ w.q
      left join knowledge_document d on d.id = p.document_id
      where numnode(w.german) > 0
      group by w.word, w.exact, d.slug, d.keywords
      """;

  /** Columns of {@link #MATCHES} after word, slug and document count. */
  private static final int IN_TITLE = 3;

  private static final int IN_KEYWORDS = 4;
  private static final int IN_HEADING = 5;
  private static final int EXACT = 6;
  private static final int A_KEYWORD = 7;

  private final EntityManager entities;
  private final Set<String> questionWords;

  DocumentEvidence(EntityManager entities) {
    this.entities = entities;
    this.questionWords = Set.copyOf(TextResources.lines("knowledge/question-words.txt"));
  }

  /**
   * The evidence per document (best first), and the question's words no passage contains.
   *
   * @param documents the evidence of each document that matched a counting word, best first
   */
  record Result(Map<String, Double> documents, List<String> unknownWords) {

    static final Result NONE = new Result(Map.of(), List.of());

    double best() {
      return documents.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * The documents that are grounding: evidence at the threshold (the higher one when the question
     * names something unknown), and at least {@code share} of the best document's.
     */
    List<String> grounded(KnowledgeConfig config) {
      double threshold = threshold(config);
      double best = best();
      if (best < threshold) {
        return List.of();
      }
      return documents.entrySet().stream()
          .filter(e -> e.getValue() >= Math.max(threshold, best * config.secondDocumentShare()))
          .map(Map.Entry::getKey)
          .toList();
    }

    double threshold(KnowledgeConfig config) {
      return unknownWords.isEmpty() ? config.minEvidence() : config.minEvidenceUnknownWord();
    }
  }

  /** Within the caller's transaction; the question as written (for its capitals), and its search words. */
  Result of(String question, List<String> words, double bodyWeight) {
    List<String> counting = words.stream().filter(word -> !questionWords.contains(word)).toList();
    if (counting.isEmpty()) {
      return Result.NONE;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entities.createNativeQuery(MATCHES).setParameter("words", String.join(" ", counting)).getResultList();
    if (rows.isEmpty()) {
      return Result.NONE;
    }
    int documentCount = ((Number) rows.get(0)[2]).intValue();
    Map<String, List<Object[]>> byWord = new HashMap<>();
    Set<String> known = new HashSet<>();
    Set<String> all = new java.util.LinkedHashSet<>();
    for (Object[] row : rows) {
      String word = (String) row[0];
      all.add(word);
      if (row[1] != null) {
        byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(row);
        if (isTrue(row[EXACT])) {
          known.add(word);
        }
      }
    }
    // A word the texts have as such counts where they have it; its prefix ("Gartenh…" of
    // "Gartenhütterl" is also "Gartenfest") only stands in for words they do not have (typos, compounds).
    byWord.replaceAll((word, matches) -> known.contains(word) ? matches.stream().filter(row -> isTrue(row[EXACT])).toList() : matches);
    Set<String> lowerCase = lowerCaseWords(question);
    List<String> unknown =
        withoutKnownTails(
            all.stream()
                .filter(word -> word.length() >= UNKNOWN_WORD_LENGTH && !known.contains(word) && !lowerCase.contains(word))
                .toList());
    // ln((N + 1) / n) over ln(N + 1): 1 for a word of one document, 0 for one of every document.
    double scale = Math.log(documentCount + 1.0);
    Map<String, Double> evidence = new HashMap<>();
    byWord.forEach(
        (word, matches) -> {
          Set<String> inHead = new HashSet<>();
          for (Object[] row : matches) {
            if (isTrue(row[IN_TITLE]) || isTrue(row[IN_KEYWORDS]) || isTrue(row[IN_HEADING])) {
              inHead.add((String) row[1]);
            }
          }
          double head = Math.log((documentCount + 1.0) / Math.max(1, inHead.size())) / scale;
          double body = bodyWeight * Math.log((documentCount + 1.0) / matches.size()) / scale;
          for (Object[] row : matches) {
            double keyword = isTrue(row[A_KEYWORD]) ? KEYWORDS : PART_OF_KEYWORD;
            double weight =
                isTrue(row[IN_TITLE])
                    ? TITLE * head
                    : isTrue(row[IN_KEYWORDS]) ? keyword * head : isTrue(row[IN_HEADING]) ? HEADING * head : body;
            evidence.merge((String) row[1], weight, Double::sum);
          }
        });
    Map<String, Double> ranked = new LinkedHashMap<>();
    evidence.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ranked.put(e.getKey(), e.getValue()));
    return new Result(java.util.Collections.unmodifiableMap(ranked), List.copyOf(unknown));
  }

  /**
   * The unknown words that are not compounds of a thing the texts are about: "Pizzakarton" ends in
   * "Karton", a keyword of the waste page, and asks about that. The last part of a German compound
   * names the thing; both parts must be real words (at least {@value #COMPOUND_HEAD} and {@value
   * #COMPOUND_TAIL} letters: "Ein|wohner" is no compound of "Wohner"), and the tail must be in a
   * document's head, not just somewhere in a text ("Jugend|treff", "Wahl|karte" stay unknown).
   */
  private List<String> withoutKnownTails(List<String> unknown) {
    Map<String, List<String>> tails = new HashMap<>();
    for (String word : unknown) {
      for (int i = COMPOUND_HEAD; i <= word.length() - COMPOUND_TAIL; i++) {
        tails.computeIfAbsent(word.substring(i), tail -> new ArrayList<>()).add(word);
      }
    }
    if (tails.isEmpty()) {
      return unknown;
    }
    @SuppressWarnings("unchecked")
    List<String> inHeads =
        entities.createNativeQuery(TAILS_IN_HEADS).setParameter("tails", String.join(" ", tails.keySet())).getResultList();
    Set<String> compounds = new HashSet<>();
    inHeads.forEach(tail -> compounds.addAll(tails.get(tail)));
    return unknown.stream().filter(word -> !compounds.contains(word)).toList();
  }

  private static final int COMPOUND_HEAD = 4;
  private static final int COMPOUND_TAIL = 5;

  private static final String TAILS_IN_HEADS =
      """
      select t.tail
      from unnest(string_to_array(:tails, ' ')) as t(tail)
      where numnode(plainto_tsquery('german', t.tail)) > 0
        and exists (select 1 from knowledge_passage p
                    where p.head @@ (plainto_tsquery('german', t.tail) || plainto_tsquery('german', kb_transliterate(t.tail))))
      """;

  /**
   * The words the message writes in lower case, when it capitalises nouns (a word other than the
   * first of a sentence starts with a capital); none when it is all lower case, all capitals or
   * English-like (its lower-case words may be nouns then).
   */
  static Set<String> lowerCaseWords(String question) {
    Set<String> lower = new HashSet<>();
    boolean capitalises = false;
    boolean sentenceStart = true;
    Matcher matcher = WORD_OR_STOP.matcher(Normalizer.normalize(question, Normalizer.Form.NFC));
    while (matcher.find()) {
      String token = matcher.group();
      if (token.length() == 1 && ".!?:".contains(token)) {
        sentenceStart = true;
        continue;
      }
      boolean capital = Character.isUpperCase(token.codePointAt(0));
      if (!sentenceStart && token.length() >= 2 && capital && !token.equals(token.toUpperCase(Locale.ROOT))) {
        capitalises = true;
      }
      if (!capital) {
        lower.add(token.toLowerCase(Locale.ROOT));
      }
      sentenceStart = false;
    }
    return capitalises ? lower : Set.of();
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value);
  }
}

package at.leoben.assistant.knowledge;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.resources.TextResources;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a citizen's question into full-text search input: the words joined with "or" for
 * {@code websearch_to_tsquery} (a question is no boolean query: any matching word counts, ranking
 * sorts), English words mapped to German ones, and prefixes that catch compounds and typos
 * ("Hund" finds "Hundeabgabe", "Hundesteur" finds "Hundesteuer").
 */
final class SearchQuery {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  /** Shorter words are left to the stemmer; longer ones are often compounds or typos. */
  private static final int PREFIX_FROM_LENGTH = 8;

  private static final int MIN_PREFIX = 5;

  private final Map<String, List<String>> synonyms;
  private final Set<String> englishStopwords;

  private SearchQuery(Map<String, List<String>> synonyms, Set<String> englishStopwords) {
    this.synonyms = synonyms;
    this.englishStopwords = englishStopwords;
  }

  static SearchQuery load() {
    Map<String, List<String>> synonyms = new HashMap<>();
    Set<String> stopwords = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>(TextResources.lines("knowledge/synonyms-en-de.txt"));
    // The other languages of Leoben: a few words each, so a question finds the German sources.
    for (Language language : Language.all()) {
      String file = "knowledge/synonyms-" + language.code() + "-de.txt";
      if (language != Language.EN && TextResources.exists(file)) {
        lines.addAll(TextResources.lines(file));
      }
    }
    for (String line : lines) {
      String[] sides = line.split(":", 2);
      if (sides.length != 2) {
        throw new IllegalStateException("synonym line needs 'english: deutsch, ...': " + line);
      }
      String english = sides[0].strip().toLowerCase(Locale.ROOT);
      if (sides[1].isBlank()) {
        stopwords.add(english);
      } else {
        List<String> german = new ArrayList<>();
        for (String term : sides[1].split(",")) {
          german.add(term.strip());
        }
        synonyms.merge(english, List.copyOf(german), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
      }
    }
    return new SearchQuery(Map.copyOf(synonyms), Set.copyOf(stopwords));
  }

  /** Any word ("a or b"), all words ("a b", websearch's AND), and prefixes for to_tsquery. */
  record Terms(String websearch, String allWords, String prefixes, List<String> words) {
    boolean isEmpty() {
      return websearch.isEmpty();
    }
  }

  Terms terms(String question) {
    Set<String> words = new LinkedHashSet<>();
    Set<String> prefixes = new LinkedHashSet<>();
    Matcher matcher = WORD.matcher(Normalizer.normalize(question, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      String word = matcher.group();
      if (englishStopwords.contains(word) || word.length() < 2) {
        continue;
      }
      words.add(word);
      for (String german : synonyms.getOrDefault(word, List.of())) {
        Matcher parts = WORD.matcher(german.toLowerCase(Locale.ROOT));
        while (parts.find()) {
          words.add(parts.group());
        }
      }
    }
    for (String word : words) {
      if (word.length() >= PREFIX_FROM_LENGTH) {
        // The first half of a compound is usually its head noun: "Kindergartenplatz" -> "kinderga".
        String prefix = word.substring(0, Math.max(MIN_PREFIX, word.length() / 2));
        // The index holds umlauts both folded by the stemmer (ü -> u) and transliterated (ü -> ue).
        prefixes.add(prefix.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss"));
        prefixes.add(prefix.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"));
      }
    }
    return new Terms(
        String.join(" or ", words),
        String.join(" ", words),
        prefixes.stream().map(prefix -> prefix + ":*").reduce((a, b) -> a + " | " + b).orElse(""),
        List.copyOf(words));
  }
}

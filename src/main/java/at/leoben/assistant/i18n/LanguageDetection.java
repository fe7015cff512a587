package at.leoben.assistant.i18n;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.MatchResult;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Which of the supported languages a citizen writes in (Lingua, with only these languages' models
 * loaded). The widget's or client's {@code language} is a hint: it wins unless the message is
 * clearly in another supported language, because a short "Hallo" or "Reisepass" says little, while
 * a Turkish question sent from a German page should be answered in Turkish.
 */
@ApplicationScoped
public class LanguageDetection {

  /** Bosnian, Croatian and Serbian are close: within them the hint decides. */
  private static final Set<String> CLOSE_GROUP = Set.of("bs", "hr", "sr");

  /** Below this many letters, only a script of its own (Arabic, Cyrillic) is evidence. */
  private static final int MIN_LETTERS = 12;

  /**
   * How far behind the next language (outside Bosnian/Croatian/Serbian) must be, relative to the
   * most likely one (1.0), for the message to be clearly in that one. Measured on short questions:
   * English 0.72–0.86 behind, German 0.65–0.82, Turkish/Romanian/Hungarian 0.62 or less; "Hallo"
   * and single nouns 0.9 and more (unclear: the hint or the conversation decides).
   */
  private static final double CLEAR_MARGIN = 0.88;

  private static final Pattern CITY = Pattern.compile("(?iu)leob|леоб|ليوب");

  private static final Pattern WORDS = Pattern.compile("\\p{L}+");

  private final LanguageDetector detector;
  private final Map<com.github.pemistahl.lingua.api.Language, Language> ours = new HashMap<>();

  public LanguageDetection() {
    for (Language language : Language.all()) {
      ours.put(
          com.github.pemistahl.lingua.api.Language.getByIsoCode639_1(
              IsoCode639_1.valueOf(language.code().toUpperCase(Locale.ROOT))),
          language);
    }
    this.detector =
        LanguageDetectorBuilder.fromLanguages(ours.keySet().toArray(com.github.pemistahl.lingua.api.Language[]::new))
            .build();
  }

  /**
   * The language to answer in: the detected one when the message clearly is in it, else the hint,
   * else null (the caller keeps the conversation's language, German for a new one).
   */
  public Language choose(Language hint, String message) {
    Language detected = detect(message);
    if (detected == null) {
      return hint;
    }
    if (hint != null && CLOSE_GROUP.contains(hint.code()) && CLOSE_GROUP.contains(detected.code())) {
      return hint;
    }
    return detected;
  }

  /** The language the message is clearly written in, or null when it is too short or unclear. */
  public Language detect(String message) {
    if (message == null) {
      return null;
    }
    // The city's name reads German to Lingua in every language ("Leobenu", "Leoben'de").
    String letters =
        WORDS.matcher(message).results()
            .map(MatchResult::group)
            .filter(word -> !CITY.matcher(word).lookingAt())
            .collect(Collectors.joining(" "));
    if (letters.isBlank()) {
      return null;
    }
    boolean ownScript = letters.codePoints().anyMatch(LanguageDetection::ownScript);
    if (!ownScript && letters.replace(" ", "").length() < MIN_LETTERS) {
      return null;
    }
    // Relative values: the most likely language has 1.0, the others less.
    SortedMap<com.github.pemistahl.lingua.api.Language, Double> confidence =
        detector.computeLanguageConfidenceValues(letters);
    if (confidence.isEmpty()) {
      return null;
    }
    Language best = ours.get(confidence.firstKey());
    double runnerUp =
        confidence.entrySet().stream()
            .skip(1)
            .filter(entry -> !(CLOSE_GROUP.contains(best.code()) && CLOSE_GROUP.contains(ours.get(entry.getKey()).code())))
            .mapToDouble(Map.Entry::getValue)
            .findFirst()
            .orElse(0);
    return ownScript || runnerUp <= CLEAR_MARGIN ? best : null;
  }

  /** Arabic and Cyrillic letters: among the supported languages only Arabic, Ukrainian, Serbian. */
  private static boolean ownScript(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.ARABIC || script == Character.UnicodeScript.CYRILLIC;
  }
}

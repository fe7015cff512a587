package at.leoben.assistant.evaluation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a golden question tests, for the per-category rates of the report. A question is in every
 * category it belongs to: the ones its expectation implies (a crisis hand-over is {@link #CRISIS},
 * a person request {@link #PERSON}, …), {@link #FOLLOW_UP} when it has previous turns,
 * {@link #LANGUAGE} when it is in a language other than German or English or leaves the language
 * to detection, and the ones the set names in {@code category} (look-alikes, mixed messages, …).
 */
public enum Category {
  ORDINARY("ordinary", "Gewöhnliche Fragen"),
  LOOK_ALIKE("look-alike", "Ähnlich klingende Fragen"),
  SENSITIVE("sensitive", "Sensible Bereiche"),
  CRISIS("crisis", "Krise"),
  MIXED("mixed", "Gewöhnlich und sensibel gemischt"),
  PERSON("person", "Wunsch nach einem Menschen"),
  MISUSE("misuse", "Missbrauch"),
  SMALL_TALK("small-talk", "Gruß, Dank, Plaudern"),
  FOLLOW_UP("follow-up", "Folgefragen"),
  LANGUAGE("language", "Andere Sprachen, Erkennung"),
  OTHER("other", "Sonstige");

  /** The languages the service speaks (DESIGN: {@code language}); absent means detected. */
  static final Set<String> LANGUAGES = Set.of("de", "en", "bs", "hr", "sr", "tr", "ro", "hu", "uk", "ar");

  private final String key;
  private final String german;

  Category(String key, String german) {
    this.key = key;
    this.german = german;
  }

  /** The name in the golden set and in result.json, e.g. {@code look-alike}. */
  public String key() {
    return key;
  }

  public String german() {
    return german;
  }

  public static Category ofKey(String key) {
    for (Category category : values()) {
      if (category.key.equals(key)) {
        return category;
      }
    }
    throw new IllegalArgumentException("unknown category: " + key + " (known: " + keys() + ")");
  }

  static List<String> keys() {
    return EnumSet.allOf(Category.class).stream().map(Category::key).toList();
  }

  /** The named categories and the ones the expectation, the previous turns and the language imply, in this enum's order. */
  static List<Category> of(Expectation expected, List<String> previous, String language, List<Category> named) {
    EnumSet<Category> categories = EnumSet.noneOf(Category.class);
    categories.addAll(named);
    if (expected instanceof Expectation.Fallback fallback) {
      switch (fallback.reason()) {
        case "SENSITIVE_AREA" -> categories.add("crisis".equals(fallback.area()) ? CRISIS : SENSITIVE);
        case "HUMAN_REQUESTED" -> categories.add(PERSON);
        case "MISUSE" -> categories.add(MISUSE);
        case "SMALL_TALK" -> categories.add(SMALL_TALK);
        default -> categories.add(OTHER);
      }
    } else if (!categories.contains(LOOK_ALIKE)) {
      categories.add(ORDINARY);
    }
    if (!previous.isEmpty()) {
      categories.add(FOLLOW_UP);
    }
    if (language == null || !("de".equals(language) || "en".equals(language))) {
      categories.add(LANGUAGE);
    }
    return new ArrayList<>(categories);
  }
}

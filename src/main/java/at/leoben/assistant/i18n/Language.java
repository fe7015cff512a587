package at.leoben.assistant.i18n;

import at.leoben.assistant.resources.TextResources;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A language citizens can talk to the assistant in; German (de-AT) first. The set is data
 * ({@code i18n/languages.txt}), so the city adds a language with a line, a bundle and starter
 * questions, without code. There is one instance per code: compare with {@code ==}.
 */
public final class Language {

  private static final Map<String, Language> BY_CODE = load();

  public static final Language DE = BY_CODE.get("de");
  public static final Language EN = BY_CODE.get("en");

  private final String code;
  private final Locale locale;
  private final String nativeName;
  private final String germanName;
  private final boolean rightToLeft;

  private Language(String code, String nativeName, String germanName, boolean rightToLeft) {
    this.code = code;
    // de-AT: Austrian German (Jänner, formal "Sie"); the others by their plain code.
    this.locale = "de".equals(code) ? Locale.forLanguageTag("de-AT") : Locale.forLanguageTag(code);
    this.nativeName = nativeName;
    this.germanName = germanName;
    this.rightToLeft = rightToLeft;
  }

  private static Map<String, Language> load() {
    Map<String, Language> languages = new LinkedHashMap<>();
    for (String line : TextResources.lines("i18n/languages.txt")) {
      String[] parts = line.split("\\|");
      if (parts.length != 4 || !parts[0].strip().matches("[a-z]{2}")) {
        throw new IllegalStateException("i18n/languages.txt needs 'code | own name | German name | ltr|rtl': " + line);
      }
      String code = parts[0].strip();
      languages.put(code, new Language(code, parts[1].strip(), parts[2].strip(), "rtl".equals(parts[3].strip())));
    }
    if (!languages.containsKey("de") || !languages.containsKey("en")) {
      throw new IllegalStateException("i18n/languages.txt must list de and en");
    }
    return java.util.Collections.unmodifiableMap(languages);
  }

  /** All languages, German first, in the order of {@code i18n/languages.txt}. */
  public static List<Language> all() {
    return List.copyOf(BY_CODE.values());
  }

  public Locale locale() {
    return locale;
  }

  @JsonValue
  public String code() {
    return code;
  }

  /** The language's name in itself, for a language switch ("Türkçe"). */
  public String nativeName() {
    return nativeName;
  }

  /** The language's name in German, for the prompt ("Türkisch"). */
  public String germanName() {
    return germanName;
  }

  /** Written right to left (Arabic): the widget sets {@code dir="rtl"}. */
  public boolean rightToLeft() {
    return rightToLeft;
  }

  /** English when the caller's first preference (Accept-Language) is English; German otherwise. */
  public static Language preferred(List<Locale> acceptable) {
    return acceptable.stream()
        .findFirst()
        .filter(locale -> locale.getLanguage().equals(Locale.ENGLISH.getLanguage()))
        .map(locale -> EN)
        .orElse(DE);
  }

  /** Accepts exactly the listed codes; anything else is a client error, not a silent default. */
  @JsonCreator
  public static Language fromCode(String code) {
    Language language = code == null ? null : BY_CODE.get(code);
    if (language == null) {
      throw new IllegalArgumentException("unsupported language: " + code);
    }
    return language;
  }

  @Override
  public String toString() {
    return code;
  }
}

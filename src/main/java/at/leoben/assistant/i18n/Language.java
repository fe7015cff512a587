package at.leoben.assistant.i18n;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** The languages citizens can talk to the assistant in; German (de-AT) first. */
public enum Language {
  DE(Locale.forLanguageTag("de-AT")),
  EN(Locale.ENGLISH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** English when the caller's first preference (Accept-Language) is English; German otherwise. */
  public static Language preferred(List<Locale> acceptable) {
    return acceptable.stream()
        .findFirst()
        .filter(locale -> locale.getLanguage().equals(Locale.ENGLISH.getLanguage()))
        .map(locale -> EN)
        .orElse(DE);
  }

  /** Accepts exactly "de" or "en"; anything else is a client error, not a silent default. */
  @JsonCreator
  public static Language fromCode(String code) {
    for (Language language : values()) {
      if (language.code().equals(code)) {
        return language;
      }
    }
    throw new IllegalArgumentException("unsupported language: " + code);
  }
}

package at.leoben.assistant.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.MissingResourceException;

/** What a server-rendered page reads: texts from the bundle and times (Vienna), in one language. */
public record PageText(Texts texts, Language language) {

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

  public String get(String key) {
    return texts.get(language, key);
  }

  public String get(String key, Object argument) {
    return texts.get(language, key, argument);
  }

  /** A message with any number of arguments, e.g. a problem's detail shown in a form. */
  public String message(String key, Object[] arguments) {
    return texts.get(language, key, arguments);
  }

  public String time(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(language.locale())
        .withZone(VIENNA)
        .format(instant);
  }

  /** Status, reason and kind names as words ({@code staff.<group>.<value>}). */
  public String term(String group, Object value) {
    if (value == null) {
      return "";
    }
    try {
      return texts.get(language, "staff." + group + "." + value);
    } catch (MissingResourceException e) {
      return value.toString(); // a reason added later without a label still shows
    }
  }

  public String lang() {
    return language.code();
  }

  /** The other language, for a switch link. */
  public String other() {
    return language == Language.DE ? "en" : "de";
  }
}

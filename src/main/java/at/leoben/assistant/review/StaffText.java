package at.leoben.assistant.review;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.web.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.MissingResourceException;

/** The staff UI's texts (from the message bundle) and times (Vienna), in the clerk's language. */
public record StaffText(Texts texts, Language language) {

  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

  public String get(String key) {
    return texts.get(language, key);
  }

  public String get(String key, Object argument) {
    return texts.get(language, key, argument);
  }

  /** Why something was refused, as the form shows it. */
  public String problem(ProblemException e) {
    return texts.get(language, e.detailKey(), e.arguments());
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

  /** Status, reason and kind names as words. */
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
}

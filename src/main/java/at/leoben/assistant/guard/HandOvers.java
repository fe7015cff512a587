package at.leoben.assistant.guard;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** The respectful reply of a hand-over: who helps in this area; in a crisis, the numbers first. */
@ApplicationScoped
public class HandOvers {

  private final HandOverConfig config;
  private final Texts texts;

  HandOvers(HandOverConfig config, Texts texts) {
    this.config = config;
    this.texts = texts;
    for (SensitiveArea area : SensitiveArea.values()) {
      if (!config.handOver().containsKey(area.key())) {
        throw new IllegalStateException(
            "no office configured for sensitive area "
                + area.key()
                + " (assistant.guard.hand-over."
                + area.key()
                + ".office)");
      }
    }
  }

  public String text(SensitiveArea area, Language language) {
    HandOverConfig.Office office = config.handOver().get(area.key());
    String who = office(area, office, language);
    var own =
        language == Language.DE
            ? office.reply()
            : language == Language.EN ? office.replyEn() : texts.find(language, "handover.reply." + area.key());
    if (own.isPresent()) {
      return own.get();
    }
    if (area == SensitiveArea.CRISIS) {
      return texts.get(language, "handover.crisis", String.join(" · ", config.crisisLines()), who);
    }
    return texts.get(language, "handover.text", who);
  }

  /**
   * The emergency and crisis numbers, always part of a reply the model could not give: a citizen
   * in need must not depend on the model being up.
   */
  public String emergencyNumbers(Language language) {
    return texts.get(language, "fallback.emergency", String.join(" · ", config.crisisLines()));
  }

  /** German and English configured; the other languages from their bundle, German where it has none. */
  private String office(SensitiveArea area, HandOverConfig.Office office, Language language) {
    if (language == Language.DE) {
      return office.office();
    }
    if (language == Language.EN) {
      return office.officeEn();
    }
    return texts.find(language, "handover.office." + area.key()).orElse(office.office());
  }
}

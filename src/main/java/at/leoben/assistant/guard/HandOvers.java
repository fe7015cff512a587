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
    String who = language == Language.EN ? office.officeEn() : office.office();
    var own = language == Language.EN ? office.replyEn() : office.reply();
    if (own.isPresent()) {
      return own.get();
    }
    if (area == SensitiveArea.CRISIS) {
      return texts.get(language, "handover.crisis", String.join(" · ", config.crisisLines()), who);
    }
    return texts.get(language, "handover.text", who);
  }
}

package at.leoben.assistant.transparency;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/** The page's headings and labels from the message bundle, in the page's language. */
public record PageText(Texts texts, Language language) {

  public String get(String key) {
    return texts.get(language, key);
  }

  public String lang() {
    return language.code();
  }

  /** The other language, for the switch link. */
  public String other() {
    return language == Language.DE ? "en" : "de";
  }

  @ApplicationScoped
  public static class Factory {
    private final Texts texts;

    public Factory(Texts texts) {
      this.texts = texts;
    }

    PageText of(Language language) {
      return new PageText(texts, language);
    }
  }
}

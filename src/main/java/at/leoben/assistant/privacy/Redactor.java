package at.leoben.assistant.privacy;

import jakarta.enterprise.context.ApplicationScoped;

/** The redactor as a bean: every text that is stored goes through {@link #redact(String)} first. */
@ApplicationScoped
public class Redactor {

  private final PersonalDataRedactor redactor;

  public Redactor(PrivacyConfig config) {
    this.redactor = new PersonalDataRedactor(config.allowedContacts());
  }

  /** The text with personal data replaced by typed placeholders; null stays null. */
  public String redact(String text) {
    return text == null ? null : redactor.redact(text).text();
  }
}

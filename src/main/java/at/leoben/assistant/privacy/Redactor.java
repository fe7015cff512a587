package at.leoben.assistant.privacy;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The redactor as a bean: every text that is stored goes through {@link #redact(String)} first;
 * the output screen asks it which contacts and numbers an answer holds. One list of allowed
 * contacts ({@code assistant.privacy.allowed-contacts}) serves both.
 */
@ApplicationScoped
public class Redactor {

  private final PersonalDataRedactor redactor;

  public Redactor(PrivacyConfig config) {
    this.redactor = new PersonalDataRedactor(config.allowedContacts());
  }

  /** E-mail addresses, phone, IBAN, card and social-security numbers that are not the city's own. */
  public java.util.Set<Kind> contactsAndNumbers(String text) {
    return redactor.contactsAndNumbers(text);
  }

  /** The text with personal data replaced by typed placeholders; null stays null. */
  public String redact(String text) {
    return text == null ? null : redactor.redact(text).text();
  }
}

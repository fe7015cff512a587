package at.leoben.assistant.privacy;

/** The kinds of personal data the redactor replaces, each with the placeholder that stands in for it. */
public enum Kind {
  EMAIL("[E-MAIL]"),
  PHONE("[TELEFON]"),
  IBAN("[IBAN]"),
  /** Austrian social-security number (Sozialversicherungsnummer). */
  SVNR("[SVNR]"),
  /** Payment-card number. */
  CARD("[KARTE]"),
  ADDRESS("[ADRESSE]"),
  BIRTH_DATE("[GEBURTSDATUM]"),
  NAME("[NAME]");

  private final String placeholder;

  Kind(String placeholder) {
    this.placeholder = placeholder;
  }

  public String placeholder() {
    return placeholder;
  }
}

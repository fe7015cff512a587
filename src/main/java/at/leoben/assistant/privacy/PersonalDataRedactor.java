package at.leoben.assistant.privacy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces personal data with typed placeholders ("[E-MAIL]", "[TELEFON]", …) before a text is
 * stored or logged (DSGVO). Finds e-mail addresses, IBANs, card numbers, Austrian
 * social-security numbers, phone numbers, dates of birth, street addresses and announced names.
 * Numbers count only when their checksum holds, dates only in a birth context, so prices, times,
 * appointments and file numbers stay. Immutable and thread-safe; redacting twice changes nothing.
 */
public final class PersonalDataRedactor {

  /** Order matters: an IBAN must be taken before its digits can be read as a phone number. */
  private final List<Finder> finders;
  /** The finders of data an AI answer must not hold: e-mail, IBAN, card, social-security and phone numbers. */
  private final List<Finder> contactsAndNumbers;

  /**
   * @param allowedContacts contacts that are never redacted: the city's e-mail addresses, phone
   *     numbers and help lines ("0800 222 555"), its account, office addresses ("Erzherzog-Johann-Straße
   *     2, 8700 Leoben") and the names of responsible staff; compared in normal form
   */
  public PersonalDataRedactor(Set<String> allowedContacts) {
    AllowedContacts allowed = new AllowedContacts(Objects.requireNonNull(allowedContacts, "allowedContacts"));
    this.contactsAndNumbers = List.of(new EmailFinder(allowed), new AccountNumberFinder(allowed), new PhoneFinder(allowed));
    this.finders = new java.util.ArrayList<>(contactsAndNumbers);
    finders.addAll(List.of(new BirthDateFinder(), new AddressFinder(allowed), new NameFinder(allowed)));
  }

  /** The text with each piece of personal data replaced by its kind's placeholder; null stays null. */
  public Redaction redact(String text) {
    return run(finders, text);
  }

  /**
   * The e-mail addresses, phone, IBAN, card and social-security numbers in a text, by the same
   * finders as {@link #redact}: the output screen's question whether an AI answer names someone's.
   */
  public Set<Kind> contactsAndNumbers(String text) {
    return run(contactsAndNumbers, text).kinds();
  }

  private static Redaction run(List<Finder> finders, String text) {
    if (text == null || text.isEmpty()) {
      return new Redaction(text, Set.of());
    }
    Scan scan = new Scan(text);
    for (Finder finder : finders) {
      finder.find(scan);
    }
    return scan.result();
  }
}

package at.leoben.assistant.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The city's own contacts, which stay in the text: its e-mail addresses, phone numbers and help
 * lines, its account, its office addresses, the names of responsible staff. Each entry is kept in
 * the normal form of every kind it could be read as, and candidates are compared in that form.
 */
final class AllowedContacts {

  private final Set<String> emails = new HashSet<>();
  private final Set<String> phones = new HashSet<>();
  private final Set<String> numbers = new HashSet<>();
  private final Set<String> addresses = new HashSet<>();
  private final List<List<String>> names = new ArrayList<>();

  AllowedContacts(Set<String> entries) {
    for (String entry : entries) {
      String contact = entry.strip();
      if (contact.contains("@")) {
        emails.add(Checksums.normaliseContact(contact));
      } else if (!Checksums.digits(contact).isEmpty()) {
        phones.add(Checksums.normaliseContact(contact));
        numbers.add(compact(contact));
        String address = AddressFinder.key(contact);
        if (address != null) {
          addresses.add(address);
        }
      } else if (!contact.isEmpty()) {
        names.add(words(contact));
      }
    }
  }

  boolean email(String candidate) {
    return emails.contains(Checksums.normaliseContact(candidate));
  }

  /** A number written without its trunk 0 ("4062-0") is the city's when one of its numbers ends so. */
  boolean phone(String candidate) {
    String key = Checksums.normaliseContact(candidate);
    if (key.isEmpty()) {
      return false;
    }
    String written = candidate.strip();
    boolean full = written.startsWith("+") || written.startsWith("0") || written.startsWith("(");
    return phones.contains(key) || (!full && phones.stream().anyMatch(phone -> phone.endsWith(key)));
  }

  /** IBANs, card and social-security numbers, compared without spaces and case. */
  boolean number(String candidate) {
    return numbers.contains(compact(candidate));
  }

  boolean address(String key) {
    return addresses.contains(key);
  }

  /** A name is the city's when its words appear in that order in an allowed name ("Frau Muster"). */
  boolean name(List<String> candidate) {
    List<String> words = candidate.stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
    return names.stream().anyMatch(name -> Collections.indexOfSubList(name, words) >= 0);
  }

  private static String compact(String text) {
    StringBuilder compact = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        compact.append(Character.toUpperCase(c));
      }
    }
    return compact.toString();
  }

  private static List<String> words(String text) {
    return List.of(text.toLowerCase(Locale.ROOT).split("[\\s,]+"));
  }
}

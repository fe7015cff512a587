package at.leoben.assistant.cases;

import at.leoben.assistant.web.ProblemException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.regex.Pattern;

/**
 * The citizen's way to be reached, checked and normalised: an e-mail address or a phone number
 * (Austrian numbers without a country code are read as such). Never logged, never sent to the model.
 */
record ContactData(ContactKind kind, String value) {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  static final ContactData NONE = new ContactData(ContactKind.NONE, null);

  static ContactData of(HandoverInput.Contact contact) {
    String email = contact == null ? null : blankToNull(contact.email());
    String phone = contact == null ? null : blankToNull(contact.phone());
    if (email != null && phone != null) {
      throw ProblemException.badRequest("problem.case.contact-one");
    }
    if (email != null) {
      if (!EMAIL.matcher(email).matches() || email.contains("..")) {
        throw ProblemException.badRequest("problem.case.email-invalid");
      }
      return new ContactData(ContactKind.EMAIL, email);
    }
    if (phone != null) {
      return new ContactData(ContactKind.PHONE, phone(phone));
    }
    return NONE;
  }

  /** As stored (encrypted): {@code EMAIL:…} or {@code PHONE:…}. */
  String serialised() {
    return kind + ":" + value;
  }

  static ContactData parse(String serialised) {
    int colon = serialised.indexOf(':');
    return new ContactData(ContactKind.valueOf(serialised.substring(0, colon)), serialised.substring(colon + 1));
  }

  private static String phone(String phone) {
    if (!phone.matches("[+0-9 ()/.-]{3,40}")) {
      throw ProblemException.badRequest("problem.case.phone-invalid");
    }
    try {
      Phonenumber.PhoneNumber number = PHONES.parse(phone, "AT");
      if (!PHONES.isValidNumber(number)) {
        throw ProblemException.badRequest("problem.case.phone-invalid");
      }
      return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      throw ProblemException.badRequest("problem.case.phone-invalid");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "ContactData[" + kind + "]"; // never the address or number, e.g. in a log line
  }
}

package at.leoben.assistant.staff;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Passwords and login names of local accounts. bcrypt reads only the first 72 bytes of a
 * password, so a longer one is refused rather than silently cut (two passwords alike in their
 * first 72 bytes would both open the account). Login names are compared in lower case: "admin"
 * and "ADMIN" are one account.
 */
final class StaffPasswords {

  static final int MIN_LENGTH = 12;
  static final int MAX_BYTES = 72;

  private StaffPasswords() {}

  static String hash(String password) {
    if (!fits(password)) {
      throw new IllegalArgumentException("longer than bcrypt reads");
    }
    return BcryptUtil.bcryptHash(password);
  }

  /** Whether the password matches the hash; a password bcrypt would cut never does. */
  static boolean matches(String password, String hash) {
    return fits(password) && BcryptUtil.matches(password, hash);
  }

  static boolean fits(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  /** The form a login name is stored and looked up in. */
  static String username(String given) {
    return given.strip().toLowerCase(Locale.ROOT);
  }
}

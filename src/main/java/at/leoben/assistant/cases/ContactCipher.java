package at.leoben.assistant.cases;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Encrypts a case's contact data and note at rest (AES-256-GCM, a fresh 96-bit nonce each time,
 * the case id as associated data so a value cannot be moved to another case). The key comes from
 * configuration only; the database never sees it.
 */
@ApplicationScoped
@Startup
class ContactCipher {

  private static final Logger LOG = Logger.getLogger(ContactCipher.class);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Optional<SecretKey> key;

  ContactCipher(CasesConfig config) {
    this.key = config.contactKey().filter(k -> !k.isBlank()).map(ContactCipher::parse);
    if (key.isEmpty()) {
      LOG.warn(
          "Hand-over cases run without ASSISTANT_CASES_CONTACT_KEY: citizens can hand over questions,"
              + " but not leave an e-mail address or phone number (README, Hand-over to the offices)");
    }
  }

  private static SecretKey parse(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("assistant.cases.contact-key must be Base64 (32 bytes)", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException("assistant.cases.contact-key must be 32 bytes (Base64 of 256 bits)");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  boolean available() {
    return key.isPresent();
  }

  byte[] encrypt(UUID caseId, String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.orElseThrow(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(caseId));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** The plain text, or empty when there is none or the key cannot open it (another key). */
  Optional<String> decrypt(UUID caseId, byte[] stored) {
    if (stored == null || key.isEmpty() || stored.length <= NONCE_BYTES) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
      cipher.updateAAD(aad(caseId));
      byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      LOG.warnf("Contact data of case %s cannot be decrypted with the configured key", caseId);
      return Optional.empty();
    }
  }

  private static byte[] aad(UUID caseId) {
    return ByteBuffer.allocate(16).putLong(caseId.getMostSignificantBits()).putLong(caseId.getLeastSignificantBits()).array();
  }
}

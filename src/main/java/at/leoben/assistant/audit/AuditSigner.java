package at.leoben.assistant.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The audit's keys, all from configuration and none ever in the database: the Ed25519 pair that
 * signs checkpoints (its public key is pinned: checkpoints under any other key are forged), and the
 * HMAC key that authenticates each entry as the service wrote it. Without configured keys the
 * service makes a pair at start and says so: nothing it signs can then be checked after a restart,
 * so verification only checks the chain's own consistency ({@link #pinned()} false).
 */
@ApplicationScoped
class AuditSigner {

  private static final Logger LOG = Logger.getLogger(AuditSigner.class);
  private static final String ENTRY_KEY_LABEL = "buergerassistent-audit-entry-mac-v1";

  private final PrivateKey privateKey;
  private final String publicKeyText;
  private final boolean pinned;
  private final byte[] entryKey;

  AuditSigner(AuditConfig config) {
    try {
      KeyPair pair;
      if (config.signingKey().isPresent() != config.publicKey().isPresent()) {
        throw new IllegalStateException(
            "Set both ASSISTANT_AUDIT_SIGNING_KEY and ASSISTANT_AUDIT_PUBLIC_KEY (Ed25519, base64 DER), or neither");
      }
      pinned = config.signingKey().isPresent();
      if (pinned) {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        pair =
            new KeyPair(
                keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(config.publicKey().get().strip()))),
                keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(config.signingKey().get().strip()))));
      } else {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        LOG.warn(
            "No ASSISTANT_AUDIT_SIGNING_KEY/_PUBLIC_KEY: the audit runs without pinned keys. Checkpoints are signed"
                + " with a key made at start and entries carry no HMAC, so verification can check the chain and the"
                + " witness but cannot tell a forged entry or checkpoint; set a key pair in production (README, Audit trail)");
      }
      this.privateKey = pair.getPrivate();
      this.publicKeyText = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
      if (!verify(publicKeyText, "key check", sign("key check"))) {
        throw new IllegalStateException("ASSISTANT_AUDIT_SIGNING_KEY and ASSISTANT_AUDIT_PUBLIC_KEY do not belong together");
      }
      if (config.entryKey().isPresent()) {
        entryKey = config.entryKey().get().strip().getBytes(StandardCharsets.UTF_8);
        if (entryKey.length < 32) {
          throw new IllegalStateException("ASSISTANT_AUDIT_ENTRY_KEY must be at least 32 characters");
        }
      } else {
        // One secret to keep: the entry key is derived from the signing key (HMAC as a KDF).
        entryKey = hmac(privateKey.getEncoded(), ENTRY_KEY_LABEL).getBytes(StandardCharsets.UTF_8);
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Unusable audit signing key (Ed25519, base64 DER expected)", e);
    }
  }

  /** Whether the keys come from configuration (and so are the same for every instance and start). */
  boolean pinned() {
    return pinned;
  }

  String publicKey() {
    return publicKeyText;
  }

  String sign(String message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code signatureText} is {@code publicKey}'s signature of {@code message}. */
  static boolean verify(String publicKey, String message, String signatureText) {
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(message.getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(signatureText));
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  /** Whether a checkpoint (or witness line, or key epoch) was signed by the pinned key. */
  boolean signedByUs(String publicKey, String message, String signatureText) {
    return publicKeyText.equals(publicKey) && verify(publicKey, message, signatureText);
  }

  /** The entry's HMAC over its canonical content; null when the keys are not pinned. */
  String mac(AuditEntry entry) {
    return pinned ? hmac(entryKey, AuditHash.macInput(entry)) : null;
  }

  boolean macHolds(AuditEntry entry) {
    return entry.mac != null && java.security.MessageDigest.isEqual(
        entry.mac.getBytes(StandardCharsets.UTF_8), hmac(entryKey, AuditHash.macInput(entry)).getBytes(StandardCharsets.UTF_8));
  }

  private static String hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

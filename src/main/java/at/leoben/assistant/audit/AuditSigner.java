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
import org.jboss.logging.Logger;

/** Signs and checks checkpoints with Ed25519; the key pair comes from configuration. */
@ApplicationScoped
class AuditSigner {

  private static final Logger LOG = Logger.getLogger(AuditSigner.class);

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String publicKeyText;

  AuditSigner(AuditConfig config) {
    try {
      KeyPair pair;
      if (config.signingKey().isPresent() != config.publicKey().isPresent()) {
        throw new IllegalStateException(
            "Set both ASSISTANT_AUDIT_SIGNING_KEY and ASSISTANT_AUDIT_PUBLIC_KEY (Ed25519, base64 DER), or neither");
      }
      if (config.signingKey().isPresent()) {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        pair =
            new KeyPair(
                keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(config.publicKey().get().strip()))),
                keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(config.signingKey().get().strip()))));
      } else {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        LOG.warn(
            "No ASSISTANT_AUDIT_SIGNING_KEY: audit checkpoints are signed with a key made at start, which"
                + " later instances cannot check; set a key pair in production (README, Audit trail)");
      }
      this.privateKey = pair.getPrivate();
      this.publicKey = pair.getPublic();
      this.publicKeyText = Base64.getEncoder().encodeToString(publicKey.getEncoded());
      if (!verify("key check", sign("key check"))) {
        throw new IllegalStateException("ASSISTANT_AUDIT_SIGNING_KEY and ASSISTANT_AUDIT_PUBLIC_KEY do not belong together");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Unusable audit signing key (Ed25519, base64 DER expected)", e);
    }
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

  boolean verify(String message, String signatureText) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(publicKey);
      signature.update(message.getBytes(StandardCharsets.UTF_8));
      return signature.verify(Base64.getDecoder().decode(signatureText));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}

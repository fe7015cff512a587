package at.leoben.assistant.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code assistant.audit.*}: checkpoint signing, entry authentication, witness, export limits, retention of audit content. */
@ConfigMapping(prefix = "assistant.audit")
public interface AuditConfig {

  /** Ed25519 private key, base64 PKCS#8 DER (from a secret). Without it a key is made at start. */
  Optional<String> signingKey();

  /** The matching public key, base64 X.509 DER; required together with the signing key. */
  Optional<String> publicKey();

  /**
   * The key of the entries' HMAC (at least 32 bytes of text, from a secret); the database never
   * sees it. Without it, a key derived from the signing key is used.
   */
  Optional<String> entryKey();

  /**
   * The witness: a file outside the database to which every signed checkpoint is appended as it is
   * made (JSON Lines), and which verification compares the database with.
   */
  Optional<String> witnessFile();

  /** How often the sealer chains new entries (they are also sealed before every read). */
  @WithDefault("1s")
  String sealInterval();

  /** The longest time range one export may cover. */
  @WithDefault("400")
  int maxExportDays();

  /** Audit content (question, answer, comment) older than this is replaced by its digest. */
  @WithDefault("365")
  int retentionDays();
}

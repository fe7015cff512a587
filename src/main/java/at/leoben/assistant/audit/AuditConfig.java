package at.leoben.assistant.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code assistant.audit.*}: checkpoint signing, export limits, retention of audit content. */
@ConfigMapping(prefix = "assistant.audit")
public interface AuditConfig {

  /** Ed25519 private key, base64 PKCS#8 DER (from a secret). Without it a key is made at start. */
  Optional<String> signingKey();

  /** The matching public key, base64 X.509 DER; required together with the signing key. */
  Optional<String> publicKey();

  /** How often a signed checkpoint of the head is written (a duration such as 10m, or "off"). */
  @WithDefault("10m")
  String checkpointInterval();

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

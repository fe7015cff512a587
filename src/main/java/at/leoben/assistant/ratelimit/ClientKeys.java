package at.leoben.assistant.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a client address into a bucket key that is not personal data: an HMAC with a secret, so
 * the stored key cannot be reversed by trying all addresses. IPv6 clients are counted per /64,
 * the block a single household or device usually gets.
 */
final class ClientKeys {

  static final int MIN_KEY_LENGTH = 32;
  private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final SecretKeySpec key;

  private ClientKeys(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** From the configured secret, or a random one of this instance when there is none. */
  static ClientKeys of(Optional<String> secret) {
    if (secret.isPresent()) {
      if (secret.get().length() < MIN_KEY_LENGTH) {
        throw new IllegalStateException(
            "ASSISTANT_RATE_LIMIT_HASH_KEY must have at least " + MIN_KEY_LENGTH + " characters");
      }
      return new ClientKeys(secret.get().getBytes(StandardCharsets.UTF_8));
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return new ClientKeys(random);
  }

  /** The bucket key of {@code address} for one kind of limit, e.g. {@code chat:3f9a…}. */
  String key(String scope, String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return scope + ":" + HexFormat.of().formatHex(mac.doFinal(block(address)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides HmacSHA256", e);
    }
  }

  private static byte[] block(String address) {
    // Only literals are parsed; a name would mean a DNS lookup (Vert.x gives literals anyway).
    if (LITERAL.matcher(address).matches()) {
      try {
        byte[] bytes = InetAddress.getByName(address).getAddress();
        return bytes.length == 16 ? Arrays.copyOf(bytes, 8) : bytes;
      } catch (UnknownHostException e) {
        // fall through: counted by its text
      }
    }
    return address.getBytes(StandardCharsets.UTF_8);
  }
}

package at.leoben.assistant.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Conversation tokens: 256 random bits for the citizen, only their SHA-256 in the database. */
public final class ConversationTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ConversationTokens() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison, so response timing tells nothing about the stored hash. */
  public static boolean matches(String token, byte[] storedHash) {
    return MessageDigest.isEqual(hash(token), storedHash);
  }
}

package at.leoben.assistant.audit;

import java.time.Instant;

/**
 * A signed head of the chain: entries 1..{@code seq} end in {@code headHash}. What is signed is
 * {@link #message()}; anyone with the public key can check it (like a signed tree head).
 */
public record AuditCheckpoint(long seq, String headHash, Instant createdAt, String publicKey, String signature) {

  /** What a checkpoint signs. */
  public String message() {
    return message(seq, headHash, createdAt);
  }

  static String message(long seq, String headHash, Instant createdAt) {
    return "buergerassistent-audit-checkpoint\n" + seq + "\n" + headHash + "\n" + AuditHash.micros(createdAt);
  }
}

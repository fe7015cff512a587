package at.leoben.assistant.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What a member of staff did, for the audit: the event, the reply it concerns, the outcome
 * ({@code kind}), text they wrote, who they are and their comment.
 */
public record StaffAction(
    String event,
    UUID conversationId,
    UUID messageId,
    String kind,
    String text,
    String actor,
    String actorRole,
    String note) {

  /** A staff action as the audit holds it. */
  public record Recorded(Instant occurredAt, String event, String kind, String actor, String actorRole, String note) {}
}

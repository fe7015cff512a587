package at.leoben.assistant.audit;

import java.util.UUID;

/**
 * What one reply leaves in the audit trail. Kind and reason are plain names so that the audit
 * does not depend on the chat that feeds it.
 */
public record AuditRecord(
    UUID conversationId,
    UUID messageId,
    String kind,
    String reason,
    String question,
    String answer,
    String model,
    String promptVersion,
    Long latencyMs,
    Integer inputTokens,
    Integer outputTokens,
    String failure,
    UUID reusedFrom,
    String area) {}

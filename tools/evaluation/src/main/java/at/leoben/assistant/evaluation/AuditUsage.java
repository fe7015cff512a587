package at.leoben.assistant.evaluation;

/** Tokens and prompt version of one reply, from the service's audit trail (admins only). */
public record AuditUsage(String messageId, Integer inputTokens, Integer outputTokens, String promptVersion) {}

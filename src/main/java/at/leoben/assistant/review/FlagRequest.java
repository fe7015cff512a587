package at.leoben.assistant.review;

/**
 * Why a reply goes to the review queue. {@code withheldText} is the AI answer a citizen did not
 * get, kept for the clerk.
 */
public record FlagRequest(String reason, String severity, String detail, String withheldText) {}

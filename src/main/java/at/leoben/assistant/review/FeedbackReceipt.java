package at.leoben.assistant.review;

import java.util.UUID;

/** What a citizen's rating did: stored, and whether the reply now waits for a clerk. */
public record FeedbackReceipt(UUID messageId, String rating, boolean queuedForReview) {}

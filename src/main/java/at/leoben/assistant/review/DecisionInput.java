package at.leoben.assistant.review;

/**
 * A clerk's decision on a claimed item: {@code approve}, {@code correct} (with the corrected
 * answer) or {@code reject}; always with a comment, and with the version it was made on.
 */
public record DecisionInput(String decision, String comment, String correctedText, Integer version) {}

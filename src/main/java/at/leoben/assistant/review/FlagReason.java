package at.leoben.assistant.review;

/**
 * Why a reply is in the review queue: the one list the chat (which raises flags), the review's
 * filters and the staff pages share.
 */
public enum FlagReason {
  /** A citizen gave a thumbs down. */
  CITIZEN_FEEDBACK,
  /** Drawn at random for the regular review. */
  SAMPLE,
  /** The knowledge had no passage; a clerk may write the answer. */
  NO_KNOWLEDGE,
  /** The input looked like manipulation or use for something else. */
  MISUSE,
  /** The output screen's findings, one per category. */
  OUTPUT_DISCRIMINATION,
  OUTPUT_PERSONAL_DATA,
  OUTPUT_PROMISE,
  OUTPUT_PROMPT_LEAK
}

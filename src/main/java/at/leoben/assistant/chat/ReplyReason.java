package at.leoben.assistant.chat;

/** Why a reply is not an AI answer. */
public enum ReplyReason {
  HUMAN_REQUESTED,
  MODEL_UNAVAILABLE,
  /** The model's slots were taken and the wait in line would have been longer than allowed. */
  MODEL_BUSY,
  SENSITIVE_AREA,
  MISUSE,
  NO_KNOWLEDGE,
  MODEL_NOT_APPROVED,
  WITHHELD,
  /** The audit entry could not be written, so the AI answer was not delivered. */
  AUDIT_FAILED,
  /** Greetings, thanks or small talk, answered kindly by the service without the model. */
  SMALL_TALK,
  /** A clerk approved or corrected this answer for the question; no model was asked. */
  APPROVED_ANSWER,
  /** Staff switched AI answers off (for all or this channel); no model was asked. */
  AI_SWITCHED_OFF
}

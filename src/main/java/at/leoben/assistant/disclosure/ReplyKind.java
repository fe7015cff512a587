package at.leoben.assistant.disclosure;

/**
 * What a reply is made of. Only AI_GENERATED (and HUMAN_APPROVED, when a model wrote what a clerk
 * approved) carries model text, and so a disclosure. Shared by the chat, which makes replies, and
 * the review, which judges them.
 */
public enum ReplyKind {
  AI_GENERATED,
  FALLBACK,
  KNOWLEDGE_EXCERPT,
  HUMAN_APPROVED
}

package at.leoben.assistant.chat;

/** What a reply is made of. Only AI_GENERATED (and later HUMAN_APPROVED) carries model text. */
public enum ReplyKind {
  AI_GENERATED,
  FALLBACK,
  KNOWLEDGE_EXCERPT,
  HUMAN_APPROVED
}

package at.leoben.assistant.chat;

/** A source an answer is based on (filled by the knowledge base). */
public record Source(String title, String url) {}

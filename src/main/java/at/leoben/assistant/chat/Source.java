package at.leoben.assistant.chat;

/** A document of the city an answer is based on; {@code ref} is the [n] the answer cites. */
public record Source(int ref, String title, String url) {}

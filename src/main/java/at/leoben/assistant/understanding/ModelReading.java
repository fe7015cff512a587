package at.leoben.assistant.understanding;

import java.util.Optional;

/**
 * What the city's model read in a message: its intent, the language it is written in and the
 * question rewritten to stand on its own in German (for retrieval of follow-ups and of questions in
 * other languages). Never shown to a citizen.
 */
public record ModelReading(Intent intent, String language, Optional<String> standaloneQuestion) {}

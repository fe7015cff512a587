package at.leoben.assistant.llm;

import java.time.Duration;

/**
 * A complete answer of the model. Its {@code text} is undisclosed model output: only the
 * {@code disclosure} package may read it (enforced by an ArchUnit rule), so it reaches a
 * citizen only inside a type that carries the KI-generiert label.
 */
public record ModelOutput(
    String text,
    String model,
    String promptVersion,
    Integer inputTokens,
    Integer outputTokens,
    Duration latency) {}

package at.leoben.assistant.llm;

import java.time.Duration;

/**
 * What the model returned for a structured reading: JSON text to be checked by its reader, never
 * shown to a citizen, and what the call cost.
 */
public record StructuredOutput(String json, String model, Integer inputTokens, Integer outputTokens, Duration latency) {}

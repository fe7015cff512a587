package at.leoben.assistant.evaluation;

import java.util.Map;

/**
 * Tokens and estimated energy of the run. {@code tokensSource} / {@code energySource} say where
 * the numbers come from: {@code metrics} (growth of the service's counters during the run, which
 * includes any other traffic at the same time), {@code audit} (tokens of this run's replies) or
 * {@code not reported}.
 */
public record Usage(
    String tokensSource,
    Double tokens,
    Map<String, Double> tokensBySeries,
    Double tokensPerAiAnswer,
    String energySource,
    Double energyWh,
    Double energyWhPerAiAnswer) {

  public static final String NOT_REPORTED = "not reported";
}

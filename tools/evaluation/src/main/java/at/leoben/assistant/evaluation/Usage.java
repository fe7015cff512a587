package at.leoben.assistant.evaluation;

import java.util.Map;

/**
 * Tokens and estimated energy of the run. {@code tokensSource} / {@code energySource} say where
 * the numbers come from: {@code metrics} (growth of the service's counters during the run, which
 * includes any other traffic at the same time), {@code audit} (tokens of this run's replies) or
 * {@code not reported}. {@code understanding}: how the service's two readers routed the run's turns
 * (growth of its per-layer counters: which reader, net, model or both, read the routed intent; and
 * the outcomes of the model's readings), empty when it does not report them.
 */
public record Usage(
    String tokensSource,
    Double tokens,
    Map<String, Double> tokensBySeries,
    Double tokensPerAiAnswer,
    String energySource,
    Double energyWh,
    Double energyWhPerAiAnswer,
    Map<String, Double> understanding) {

  public static final String NOT_REPORTED = "not reported";
}

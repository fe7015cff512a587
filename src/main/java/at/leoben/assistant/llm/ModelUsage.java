package at.leoben.assistant.llm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Tokens the model read and wrote, and the energy that is estimated to have cost. */
@ApplicationScoped
class ModelUsage {

  private final double whPerToken;
  private final Counter tokensIn;
  private final Counter tokensOut;
  private final Counter energy;
  private final DistributionSummary energyPerAnswer;
  private final DistributionSummary promptTokens;

  ModelUsage(EnergyConfig config, MeterRegistry meters) {
    this.whPerToken = config.whPer1000Tokens() / 1000.0;
    this.tokensIn = tokens(meters, "in");
    this.tokensOut = tokens(meters, "out");
    this.energy =
        Counter.builder("assistant.energy.wh")
            .description("Estimated energy of all model answers (ASSISTANT_ENERGY_WH_PER_1000_TOKENS)")
            .register(meters);
    this.energyPerAnswer =
        DistributionSummary.builder("assistant.answer.energy.wh")
            .description("Estimated energy of one model answer")
            .register(meters);
    this.promptTokens =
        DistributionSummary.builder("assistant.model.prompt.tokens")
            .description("Prompt tokens the model host evaluated for one answer (its prefill work)")
            .publishPercentiles(0.5, 0.95)
            .register(meters);
  }

  void record(Integer input, Integer output) {
    int in = input == null ? 0 : input;
    int out = output == null ? 0 : output;
    tokensIn.increment(in);
    if (input != null) {
      promptTokens.record(input);
    }
    tokensOut.increment(out);
    double wh = (in + out) * whPerToken;
    energy.increment(wh);
    energyPerAnswer.record(wh);
  }

  private static Counter tokens(MeterRegistry meters, String direction) {
    return Counter.builder("assistant.model.tokens")
        .description("Tokens the model read (in) and wrote (out)")
        .tag("direction", direction)
        .register(meters);
  }
}

package at.leoben.assistant.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The estimate behind the energy metrics: measure it on the city's own model host (README). */
@ConfigMapping(prefix = "assistant.energy")
public interface EnergyConfig {

  /**
   * Watt-hours per 1,000 tokens (prompt and answer together) on the model host
   * (ASSISTANT_ENERGY_WH_PER_1000_TOKENS).
   */
  @WithName("wh-per-1000-tokens")
  @WithDefault("0.5")
  double whPer1000Tokens();
}

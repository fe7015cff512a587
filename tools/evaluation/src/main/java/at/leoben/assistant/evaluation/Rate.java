package at.leoben.assistant.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Hits out of cases; the value is null when there were no cases (nothing measured). */
public record Rate(int hits, int cases) {

  @JsonProperty("value")
  public Double value() {
    return cases == 0 ? null : (double) hits / cases;
  }
}

package at.leoben.assistant.evaluation;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of latencies in milliseconds; null values when nothing was measured. */
public record Percentiles(int count, Double p50, Double p90, Double p99, Double max) {

  static Percentiles of(Collection<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Percentiles(0, null, null, null, null);
    }
    return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
  }

  @Override
  public String toString() {
    return count + " values " + Arrays.toString(new Double[] {p50, p90, p99});
  }
}

package at.leoben.assistant.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counters of {@code /q/metrics} the report needs, read from Prometheus' text format: every
 * series of a metric, keyed by its label set ("" for none).
 */
record PrometheusText(Map<String, Map<String, Double>> series) {

  static PrometheusText parse(String text) {
    Map<String, Map<String, Double>> series = new LinkedHashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = brace >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
      if (space < 0) {
        continue;
      }
      String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
      String labels = brace >= 0 && brace < space ? line.substring(brace + 1, line.lastIndexOf('}')) : "";
      String[] rest = line.substring(space + 1).strip().split("\\s+");
      try {
        series.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(labels, Double.parseDouble(rest[0]));
      } catch (NumberFormatException e) {
        // Not a sample line this reader understands; the metrics it needs are plain counters.
      }
    }
    return new PrometheusText(series);
  }

  /** The sum over all series of a metric, or empty when the service does not report it. */
  Optional<Double> total(String metric) {
    Map<String, Double> values = series.get(metric);
    return values == null ? Optional.empty() : Optional.of(values.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  /** Per label set, how much a counter grew since {@code before} (series new since then count from 0). */
  Map<String, Double> growthSince(PrometheusText before, String metric) {
    Map<String, Double> growth = new LinkedHashMap<>();
    series.getOrDefault(metric, Map.of())
        .forEach((labels, value) ->
            growth.put(labels, value - before.series().getOrDefault(metric, Map.of()).getOrDefault(labels, 0.0)));
    return growth;
  }
}

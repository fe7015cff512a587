package at.leoben.assistant.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.List;

/** Reads the service's Prometheus metrics at {@code /q/metrics}, as an operator's scraper does. */
public final class Metrics {

  private Metrics() {}

  /**
   * The sum of all series of {@code name} that carry every given label ({@code kind="AI_GENERATED"}),
   * 0 when there is none yet.
   */
  public static double value(String name, String... labels) {
    return series(name, labels).stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The value of a metric that must be exported (a gauge registered at start). */
  public static double required(String name) {
    List<Double> values = series(name);
    if (values.isEmpty()) {
      throw new AssertionError(name + " not in /q/metrics");
    }
    return values.get(0);
  }

  private static List<Double> series(String name, String... labels) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics.lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .toList();
  }
}

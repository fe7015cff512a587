package at.leoben.assistant.evaluation;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How one evaluation runs, read from {@code --name value} (or {@code --name=value}) arguments; the
 * staff password preferably from the environment variable {@code EVALUATE_STAFF_PASSWORD}, so that
 * it does not show in the shell history.
 */
public record EvaluationOptions(
    URI url,
    Path out,
    String set,
    Credentials staff,
    Judge judge,
    Path compare,
    int streamEvery,
    boolean warmUp,
    Duration timeout,
    Set<String> only) {

  public static final String USAGE =
      """
      Runs the golden set against a running service and writes report.md, report.html and result.json.

        --url URL               the service, e.g. http://127.0.0.1:8080 (required)
        --out DIR               where the report goes (default target/evaluation/<date-time>)
        --set FILE              another golden set (default: the one in tools/evaluation)
        --staff-user NAME       staff account for the model registry, the audit (tokens) and metrics
        --staff-password PW     its password; better: environment variable EVALUATE_STAFF_PASSWORD
        --judge-url URL         Ollama base URL of a judge model (optional)
        --judge-model NAME      the judge model, e.g. an approved model other than the one evaluated
        --compare FILE          result.json of an earlier run: adds a comparison section
        --stream-every N        every N-th question goes through the stream endpoint (default 4, 0 = never)
        --warm-up true|false    ask one question before measuring, so that loading the model is not timed (default true)
        --timeout-seconds S     limit per request (default 120)
        --only ID,ID            only these questions

      Example: EVALUATE_STAFF_PASSWORD=… bash tools/evaluation/evaluate.sh --url http://127.0.0.1:8080 --staff-user admin
      """;

  /** A staff account (HTTP Basic). */
  public record Credentials(String user, String password) {
    public Credentials {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + "]";
    }
  }

  /** A judge model called directly on Ollama's {@code /api/chat}. */
  public record Judge(URI url, String model) {}

  public EvaluationOptions {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(timeout, "timeout");
    only = Set.copyOf(only);
    if (streamEvery < 0) {
      throw new IllegalArgumentException("--stream-every must not be negative");
    }
  }

  /** Whether the question at this position (0-based) goes through the stream endpoint. */
  boolean streams(int index) {
    return streamEvery > 0 && index % streamEvery == streamEvery - 1;
  }

  public static EvaluationOptions parse(String[] args, Map<String, String> environment) {
    Map<String, String> given = arguments(args);
    Function<String, String> value = given::get;
    String url = value.apply("url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("--url is required\n\n" + USAGE);
    }
    String user = blankToNull(value.apply("staff-user"));
    String password = blankToNull(value.apply("staff-password"));
    if (password == null) {
      password = blankToNull(environment.get("EVALUATE_STAFF_PASSWORD"));
    }
    if (user != null && password == null) {
      throw new IllegalArgumentException("--staff-user needs a password (EVALUATE_STAFF_PASSWORD)");
    }
    String judgeUrl = blankToNull(value.apply("judge-url"));
    String judgeModel = blankToNull(value.apply("judge-model"));
    if ((judgeUrl == null) != (judgeModel == null)) {
      throw new IllegalArgumentException("--judge-url and --judge-model go together");
    }
    String out = blankToNull(value.apply("out"));
    String compare = blankToNull(value.apply("compare"));
    String only = blankToNull(value.apply("only"));
    String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return new EvaluationOptions(
        withSlash(url),
        out != null ? Path.of(out) : Path.of("target", "evaluation", now),
        Objects.requireNonNullElse(blankToNull(value.apply("set")), GoldenSet.DEFAULT),
        user == null ? null : new Credentials(user, password),
        judgeUrl == null ? null : new Judge(withSlash(judgeUrl), judgeModel),
        compare == null ? null : Path.of(compare),
        Integer.parseInt(Objects.requireNonNullElse(blankToNull(value.apply("stream-every")), "4")),
        !"false".equalsIgnoreCase(blankToNull(value.apply("warm-up"))),
        Duration.ofSeconds(Long.parseLong(Objects.requireNonNullElse(blankToNull(value.apply("timeout-seconds")), "120"))),
        only == null ? Set.of() : ids(only));
  }

  private static Set<String> ids(String commaSeparated) {
    return new LinkedHashSet<>(Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList());
  }

  private static Map<String, String> arguments(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg + "\n\n" + USAGE);
      }
      int equals = arg.indexOf('=');
      if (equals > 0) {
        given.put(arg.substring(2, equals), arg.substring(equals + 1));
      } else if (i + 1 < args.length) {
        given.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value\n\n" + USAGE);
      }
    }
    return given;
  }

  private static URI withSlash(String url) {
    String trimmed = url.strip();
    return URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

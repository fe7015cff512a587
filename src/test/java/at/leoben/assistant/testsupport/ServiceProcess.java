package at.leoben.assistant.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The packaged service started like an operator does: {@code java -jar quarkus-run.jar}, prod
 * profile, configured by environment variables only, its output in a log file. Used by the
 * integration tests on the packaged jar and by the tools beside the service ({@code tools/}: the
 * evaluator's CI test, the benchmarks), which get it through the test-jar.
 */
public final class ServiceProcess implements AutoCloseable {

  public static final HttpClient HTTP = HttpClient.newHttpClient();
  public static final String ADMIN_PASSWORD = "test-admin-secret";

  public final int port;
  public final Path log;
  private final Process process;

  private ServiceProcess(int port, Path log, Process process) {
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * What an operator sets at least: the contract's variables, on a free port. The database is the
   * jar's own beside the test database: the jar runs without pinned audit keys, and entries it
   * writes would be reported as forged in the tests' chain (which runs with pinned keys).
   */
  public static Map<String, String> contractEnvironment(String ollama, String model) {
    var config = ConfigProvider.getConfig();
    Map<String, String> env = new HashMap<>();
    env.put("ASSISTANT_LLM_BASE_URL", ollama);
    env.put("ASSISTANT_LLM_MODEL", model);
    env.put("QUARKUS_DATASOURCE_JDBC_URL", TestDatabases.jarDatabase());
    env.put("QUARKUS_DATASOURCE_USERNAME", config.getValue("quarkus.datasource.username", String.class));
    env.put("QUARKUS_DATASOURCE_PASSWORD", config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    env.put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
    env.put("ASSISTANT_RESPONSIBLE_NAME", "Mag. Erika Muster");
    env.put("ASSISTANT_RESPONSIBLE_ROLE", "Leiterin Bürgerservice");
    env.put("ASSISTANT_RESPONSIBLE_CONTACT", "buergerservice@leoben.at");
    return env;
  }

  /** A registry approving {@code model} with the digest the Ollama stand-in serves for it. */
  public static Path registryApproving(String model) throws IOException {
    Path file = Files.createTempFile("approved-models", ".yaml");
    Files.writeString(
        file,
        """
        models:
          - name: %s
            digest: %s
            purpose: Integration test
            approvedBy: Digital.Team (Test)
            approvedOn: 2026-11-26
        """.formatted(model, OllamaStandIn.digest(model)));
    return file;
  }

  public static ServiceProcess start(Map<String, String> env) throws IOException {
    return start(env, List.of());
  }

  /** As {@link #start(Map)}, with options for the JVM (e.g. {@code -Xmx512m}, a JFR recording). */
  public static ServiceProcess start(Map<String, String> env, List<String> jvmOptions) throws IOException {
    String jar = System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar");
    Path log = Files.createTempFile("service", ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Nothing from the build's environment leaks in: only what an operator would set.
    builder.environment().clear();
    builder.environment().putAll(env);
    return new ServiceProcess(Integer.parseInt(env.get("QUARKUS_HTTP_PORT")), log, builder.start());
  }

  public ServiceProcess awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("service died: %s", log()).isTrue();
      try {
        if (get("/q/health/ready").statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not ready in time: " + log());
  }

  /** Waits for the process to end by itself; its exit code. */
  public int awaitExit() throws Exception {
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the service must stop by itself").isTrue();
    return process.exitValue();
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  public void awaitLog(String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && !log().contains(text)) {
      Thread.sleep(100);
    }
    assertThat(log()).contains(text);
  }

  public HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> asAdmin(String method, String path) throws Exception {
    String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        request(path).header("Authorization", "Basic " + basic).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A staff API call as the bootstrap admin with a JSON body. */
  public HttpResponse<String> asAdmin(String method, String path, String json) throws Exception {
    String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        request(path)
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A citizen's question as JSON body, with extra headers as name/value pairs. */
  public HttpResponse<String> chat(String json, String... headers) throws Exception {
    HttpRequest.Builder request =
        request("/api/v1/chat")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public long pid() {
    return process.pid();
  }

  /** Resident memory of the process now (VmRSS), in MB. */
  public long residentMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

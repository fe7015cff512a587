package at.leoben.assistant.it;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.OllamaStandIn;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged service like an operator does: {@code java -jar quarkus-run.jar}, prod
 * profile, configured by nothing but the contract's environment variables.
 */
class PackagedServiceIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private Process process;
  private Path log;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void startsWithOnlyTheContractVariablesAndServesFallbacksWithoutOllama() throws Exception {
    int port = freePort();
    Map<String, String> env = contractEnvironment(port, "http://127.0.0.1:" + freePort(), "llama3.1:8b");
    long started = System.nanoTime();
    start(env);
    awaitReady(port);
    System.out.printf(
        "[measure] packaged service ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);

    HttpResponse<String> reply = chat(port, "Wann hat das Rathaus offen?");
    assertThat(reply.statusCode()).isEqualTo(200);
    // The starter knowledge is imported at start-up, so the city's own text answers.
    assertThat(reply.body()).contains("\"kind\":\"KNOWLEDGE_EXCERPT\"").contains("\"reason\":\"MODEL_UNAVAILABLE\"");
    assertThat(reply.headers().firstValue("AI-Disclosure")).isEmpty();
    awaitLog("Running without the language model");
    assertThat(Files.readString(log)).contains("Profile prod activated");
  }

  @Test
  void theModelNamedAtRunTimeIsTheOneSentToOllama() throws Exception {
    try (OllamaStandIn ollama = OllamaStandIn.start()) {
      ollama.models("qwen2.5:7b-instruct");
      int port = freePort();
      start(contractEnvironment(port, ollama.baseUrl(), "qwen2.5:7b-instruct"));
      awaitReady(port);

      HttpResponse<String> reply = chat(port, "Wo ist das Fundamt?");

      assertThat(reply.body()).contains("\"kind\":\"AI_GENERATED\"").contains("\"model\":\"qwen2.5:7b-instruct\"");
      assertThat(reply.headers().firstValue("AI-Disclosure").orElseThrow())
          .contains("model=\"qwen2.5:7b-instruct\"");
      assertThat(ollama.chatRequests()).singleElement()
          .satisfies(request -> assertThat(request.path("model").asText()).isEqualTo("qwen2.5:7b-instruct"));
    }
  }

  @Test
  void refusesToStartWithoutAResponsibleHuman() throws Exception {
    Map<String, String> env = contractEnvironment(freePort(), "http://127.0.0.1:1", "llama3.1:8b");
    env.remove("ASSISTANT_RESPONSIBLE_NAME");
    env.put("ASSISTANT_RESPONSIBLE_ROLE", "  ");
    start(env);

    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the service must stop by itself").isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(Files.readString(log))
        .contains("ASSISTANT_RESPONSIBLE_NAME")
        .contains("ASSISTANT_RESPONSIBLE_ROLE")
        .doesNotContain("ASSISTANT_RESPONSIBLE_CONTACT,");
  }

  private Map<String, String> contractEnvironment(int port, String ollama, String model) {
    var config = ConfigProvider.getConfig();
    Map<String, String> env = new HashMap<>();
    env.put("ASSISTANT_LLM_BASE_URL", ollama);
    env.put("ASSISTANT_LLM_MODEL", model);
    env.put("QUARKUS_DATASOURCE_JDBC_URL", config.getValue("quarkus.datasource.jdbc.url", String.class));
    env.put("QUARKUS_DATASOURCE_USERNAME", config.getValue("quarkus.datasource.username", String.class));
    env.put("QUARKUS_DATASOURCE_PASSWORD", config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("ASSISTANT_RESPONSIBLE_NAME", "Mag. Erika Muster");
    env.put("ASSISTANT_RESPONSIBLE_ROLE", "Leiterin Bürgerservice");
    env.put("ASSISTANT_RESPONSIBLE_CONTACT", "buergerservice@leoben.at");
    return env;
  }

  private void start(Map<String, String> env) throws IOException {
    String jar = System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar");
    log = Files.createTempFile("service", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // Nothing from the build's environment leaks in: only what an operator would set.
    builder.environment().clear();
    builder.environment().putAll(env);
    process = builder.start();
  }

  private void awaitReady(int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("service died: %s", Files.readString(log)).isTrue();
      try {
        HttpResponse<String> ready =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not ready in time: " + Files.readString(log));
  }

  private void awaitLog(String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && !Files.readString(log).contains(text)) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(log)).contains(text);
  }

  private static HttpResponse<String> chat(int port, String message) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chat"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + message + "\"}", StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package at.leoben.assistant.it;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.Questions;
import at.leoben.assistant.testsupport.ServiceProcess;
import at.leoben.assistant.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged service like an operator does: {@code java -jar quarkus-run.jar}, prod
 * profile, configured by nothing but environment variables.
 */
class PackagedServiceIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void startsWithOnlyTheContractVariablesAndServesFallbacksWithoutOllama() throws Exception {
    Map<String, String> env = ServiceProcess.contractEnvironment("http://127.0.0.1:" + ServiceProcess.freePort(), "llama3.1:8b");
    long started = System.nanoTime();
    try (ServiceProcess service = ServiceProcess.start(env).awaitReady()) {
      System.out.printf("[measure] packaged service ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);

      HttpResponse<String> reply =
          service.chat("{\"message\":\"Wann hat das Rathaus offen? Ich bin Max Muster, max@example.org\"}",
              "X-Request-Id", "it-request-0001");
      assertThat(reply.statusCode()).isEqualTo(200);
      // The starter knowledge is imported at start-up, so the city's own text answers.
      assertThat(reply.body()).contains("\"kind\":\"KNOWLEDGE_EXCERPT\"").contains("\"reason\":\"MODEL_UNAVAILABLE\"");
      assertThat(reply.headers().firstValue("AI-Disclosure")).isEmpty();
      assertThat(reply.headers().firstValue("X-Request-Id")).contains("it-request-0001");
      service.awaitLog("is not used (UNREACHABLE");
      // One role migrates and runs: it works, and the log says what that means for the audit.
      service.awaitLog("the audit trail is only as safe as that role's password");

      // Production logs are JSON, one object a line; the turn's lines carry its request id and
      // nothing the citizen wrote.
      String log = service.log();
      List<JsonNode> lines = log.lines().filter(line -> line.startsWith("{")).map(PackagedServiceIT::parse).toList();
      assertThat(lines).isNotEmpty();
      assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).contains("Profile prod activated"));
      assertThat(lines)
          .filteredOn(line -> line.path("message").asText().startsWith("Answering with an excerpt"))
          .singleElement()
          .satisfies(line -> assertThat(line.path("mdc").path("requestId").asText()).isEqualTo("it-request-0001"));
      assertThat(log).doesNotContain("max@example.org").doesNotContain("Max Muster").doesNotContain("Rathaus offen");
    }
  }

  @Test
  void migratesAsTheSchemaOwnerAndRunsAsAPlainRuntimeRole() throws Exception {
    // Both roles exist, the runtime role without any privileges of its own: the four variables suffice.
    TestDatabases.TwoRoles roles = TestDatabases.freshWithTwoRoles("jar_roles");
    Map<String, String> env = ServiceProcess.contractEnvironment("http://127.0.0.1:" + ServiceProcess.freePort(), "llama3.1:8b");
    env.put("QUARKUS_DATASOURCE_JDBC_URL", roles.url());
    env.put("QUARKUS_DATASOURCE_USERNAME", roles.runtime());
    env.put("QUARKUS_DATASOURCE_PASSWORD", roles.runtimePassword());
    env.put("QUARKUS_FLYWAY_USERNAME", roles.owner());
    env.put("QUARKUS_FLYWAY_PASSWORD", roles.ownerPassword());
    env.put("ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD", ServiceProcess.ADMIN_PASSWORD);
    try (ServiceProcess service = ServiceProcess.start(env).awaitReady()) {
      service.awaitLog("Migrated as the schema owner");
      assertThat(service.chat("{\"message\":\"Wann hat das Rathaus offen?\"}").statusCode()).isEqualTo(200);
      HttpResponse<String> verification = service.asAdmin("GET", "/api/v1/admin/audit/verify");
      assertThat(verification.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(verification.body()).path("intact").asBoolean()).as(verification.body()).isTrue();
      assertThat(service.log()).doesNotContain("only as safe as that role's password");
    }
  }

  @Test
  void theModelNamedAtRunTimeIsTheOneSentToOllamaWhenApproved() throws Exception {
    try (OllamaStandIn ollama = OllamaStandIn.start()) {
      ollama.models("qwen2.5:7b-instruct");
      Map<String, String> env = ServiceProcess.contractEnvironment(ollama.baseUrl(), "qwen2.5:7b-instruct");
      env.put("ASSISTANT_MODELS_REGISTRY", ServiceProcess.registryApproving("qwen2.5:7b-instruct").toString());
      try (ServiceProcess service = ServiceProcess.start(env).awaitReady()) {
        HttpResponse<String> reply = service.chat("{\"message\":\"" + Questions.unique("Wo ist das Fundamt?") + "\"}");

        assertThat(reply.body()).contains("\"kind\":\"AI_GENERATED\"").contains("\"model\":\"qwen2.5:7b-instruct\"");
        assertThat(reply.headers().firstValue("AI-Disclosure").orElseThrow()).contains("model=\"qwen2.5:7b-instruct\"");
        assertThat(ollama.answerRequests()).singleElement()
            .satisfies(request -> assertThat(request.path("model").asText()).isEqualTo("qwen2.5:7b-instruct"));
        // The model's reading of the message (on by default) asks the same model, named at run time.
        assertThat(ollama.formatRequests()).singleElement()
            .satisfies(request -> assertThat(request.path("model").asText()).isEqualTo("qwen2.5:7b-instruct"));
      }
    }
  }

  @Test
  void refusesToStartWithoutAResponsibleHuman() throws Exception {
    Map<String, String> env = ServiceProcess.contractEnvironment("http://127.0.0.1:1", "llama3.1:8b");
    env.remove("ASSISTANT_RESPONSIBLE_NAME");
    env.put("ASSISTANT_RESPONSIBLE_ROLE", "  ");
    try (ServiceProcess service = ServiceProcess.start(env)) {
      assertThat(service.awaitExit()).isNotZero();
      assertThat(service.log())
          .contains("ASSISTANT_RESPONSIBLE_NAME")
          .contains("ASSISTANT_RESPONSIBLE_ROLE")
          .doesNotContain("ASSISTANT_RESPONSIBLE_CONTACT,");
    }
  }

  @Test
  void refusesToStartWithAModelEndpointOutsideTheCitysNetwork() throws Exception {
    Map<String, String> env = ServiceProcess.contractEnvironment("https://ollama.example.com", "llama3.1:8b");
    try (ServiceProcess service = ServiceProcess.start(env)) {
      assertThat(service.awaitExit()).isNotZero();
      assertThat(service.log())
          .contains("ASSISTANT_LLM_BASE_URL points at ollama.example.com")
          .contains("ASSISTANT_OUTBOUND_ALLOWED_HOSTS");
    }
    env.put("ASSISTANT_OUTBOUND_ALLOWED_HOSTS", "ollama.example.com");
    try (ServiceProcess service = ServiceProcess.start(env).awaitReady()) {
      assertThat(service.get("/q/health/ready").statusCode()).isEqualTo(200);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON log line: " + line, e);
    }
  }
}

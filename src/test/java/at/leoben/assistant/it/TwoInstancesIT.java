package at.leoben.assistant.it;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.TestDatabases;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.Questions;
import at.leoben.assistant.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service on one database behave as one service: a conversation
 * goes on at the other instance, both write one audit chain, a client's rate limit counts across
 * both, and a notice or AI switch-off set at one instance holds at the other within seconds.
 */
class TwoInstancesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "llama3.1:8b";

  private static OllamaStandIn ollama;
  private static ServiceProcess first;
  private static ServiceProcess second;

  @BeforeAll
  static void startTwo() throws Exception {
    // Buckets of an earlier run may still be in the database: the limit test starts afresh.
    TestDatabases.execute(TestDatabases.jarDatabase(), "delete from rate_limit_bucket");
    ollama = OllamaStandIn.start();
    String registry = ServiceProcess.registryApproving(MODEL).toString();
    first = ServiceProcess.start(environment(registry));
    second = ServiceProcess.start(environment(registry));
    first.awaitReady();
    second.awaitReady();
  }

  private static Map<String, String> environment(String registry) {
    Map<String, String> env = ServiceProcess.contractEnvironment(ollama.baseUrl(), MODEL);
    env.put("ASSISTANT_MODELS_REGISTRY", registry);
    env.put("ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD", ServiceProcess.ADMIN_PASSWORD);
    env.put("ASSISTANT_RATE_LIMIT_HASH_KEY", "two-instances-share-this-hash-key-0123456789");
    env.put("ASSISTANT_RATE_LIMIT_CHAT_PER_MINUTE", "3");
    env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
    env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
    env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
    return env;
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {first, second, ollama}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  void aConversationBegunAtOneInstanceGoesOnAtTheOther() throws Exception {
    JsonNode begun = json(first.chat("{\"message\":\"" + Questions.unique("Wann hat das Fundamt geöffnet?") + "\"}", "X-Forwarded-For", "203.0.113.1"));
    assertThat(begun.path("kind").asText()).isEqualTo("AI_GENERATED");

    int requests = ollama.answerRequests().size();
    HttpResponse<String> followUp =
        second.chat(
            "{\"message\":\"Wie lange werden Fundsachen im Fundamt aufbewahrt?\",\"conversationId\":\"" + begun.path("conversationId").asText() + "\"}",
            "X-Conversation-Token", begun.path("conversationToken").asText(),
            "X-Forwarded-For", "203.0.113.1");

    assertThat(followUp.statusCode()).isEqualTo(200);
    assertThat(json(followUp).path("conversationId").asText()).isEqualTo(begun.path("conversationId").asText());
    // The second instance gave the model the first question and answer as the conversation so far.
    assertThat(ollama.answerRequests()).hasSize(requests + 1);
    JsonNode lastRequest = ollama.answerRequests().get(requests);
    assertThat(lastRequest.path("messages").toString())
        .contains("Wann hat das Fundamt geöffnet?")
        .contains("Wie lange werden Fundsachen im Fundamt aufbewahrt?");
  }

  @Test
  void bothInstancesWriteOneIntactAuditChain() throws Exception {
    for (int i = 0; i < 5; i++) {
      first.chat("{\"message\":\"Ich möchte mit einem Menschen sprechen\"}", "X-Forwarded-For", "203.0.113.2" + i);
      second.chat("{\"message\":\"Ich möchte mit einem Menschen sprechen\"}", "X-Forwarded-For", "203.0.113.3" + i);
    }
    HttpResponse<String> fromFirst = first.asAdmin("GET", "/api/v1/admin/audit/verify");
    HttpResponse<String> fromSecond = second.asAdmin("GET", "/api/v1/admin/audit/verify");
    assertThat(fromFirst.statusCode()).as(fromFirst.body()).isEqualTo(200);
    assertThat(json(fromFirst).path("intact").asBoolean()).as(fromFirst.body()).isTrue();
    assertThat(json(fromSecond).path("intact").asBoolean()).as(fromSecond.body()).isTrue();
    assertThat(json(fromSecond).path("entries").asLong()).isEqualTo(json(fromFirst).path("entries").asLong());
  }

  @Test
  void aClientsRateLimitCountsAcrossBothInstances() throws Exception {
    String client = "203.0.113.99";
    String question = "{\"message\":\"Wann hat das Standesamt geöffnet?\"}";
    assertThat(first.chat(question, "X-Forwarded-For", client).statusCode()).isEqualTo(200);
    assertThat(second.chat(question, "X-Forwarded-For", client).statusCode()).isEqualTo(200);
    assertThat(first.chat(question, "X-Forwarded-For", client).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = second.chat(question, "X-Forwarded-For", client);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(first.chat(question, "X-Forwarded-For", "203.0.113.100").statusCode()).isEqualTo(200);
  }

  @Test
  void aNoticeAndASwitchOffSetAtOneInstanceHoldAtTheOtherWithinSeconds() throws Exception {
    HttpResponse<String> notice =
        first.asAdmin("PUT", "/api/v1/admin/notice", "{\"text\":{\"de\":\"Hochwasser: Rathaus geschlossen\"},\"severity\":\"emergency\"}");
    assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
    HttpResponse<String> off =
        first.asAdmin("PUT", "/api/v1/admin/ai-switch", "{\"enabled\":false,\"channel\":\"all\",\"reason\":\"Zwei Instanzen\"}");
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    long switched = System.nanoTime();
    try {
      while (json(second.get("/api/v1/ai-switch?channel=api")).path("enabled").asBoolean()) {
        assertThat(Duration.ofNanos(System.nanoTime() - switched)).as("the other instance still answers with AI").isLessThan(Duration.ofSeconds(5));
        Thread.sleep(100);
      }
      System.out.printf("AI switch-off reached the other instance after %d ms%n", Duration.ofNanos(System.nanoTime() - switched).toMillis());
      assertThat(json(second.get("/api/v1/notice")).path("text").asText()).isEqualTo("Hochwasser: Rathaus geschlossen");

      int requests = ollama.chatRequestCount();
      JsonNode reply = json(second.chat("{\"message\":\"" + Questions.unique("Wann hat das Standesamt geöffnet?") + "\"}", "X-Forwarded-For", "203.0.113.60"));
      assertThat(reply.path("reason").asText()).isEqualTo("AI_SWITCHED_OFF");
      assertThat(reply.path("notice").path("severity").asText()).isEqualTo("emergency");
      assertThat(ollama.chatRequestCount()).isEqualTo(requests);
    } finally {
      first.asAdmin("PUT", "/api/v1/admin/ai-switch", "{\"enabled\":true,\"channel\":\"all\",\"reason\":\"Testende\"}");
      first.asAdmin("DELETE", "/api/v1/admin/notice");
    }
    // Back on at the other instance too, within seconds.
    long on = System.nanoTime();
    while (!json(second.get("/api/v1/ai-switch?channel=api")).path("enabled").asBoolean()) {
      assertThat(Duration.ofNanos(System.nanoTime() - on)).isLessThan(Duration.ofSeconds(5));
      Thread.sleep(100);
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}

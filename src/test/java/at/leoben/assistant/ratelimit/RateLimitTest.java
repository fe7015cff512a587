package at.leoben.assistant.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.Metrics;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-client limits on the citizen API: a clear 429 with Retry-After, nothing stored, no raw IP. */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
@QuarkusTestResource(OllamaStandInResource.class)
class RateLimitTest {

  public static class Limited implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "assistant.rate-limit.chat.per-minute", "3",
          "assistant.rate-limit.chat.per-hour", "50",
          "assistant.rate-limit.feedback.per-hour", "2",
          "assistant.rate-limit.hash-key", "test-rate-limit-hash-key-0123456789abcdef",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true");
    }
  }

  private static final AtomicInteger CLIENTS = new AtomicInteger(10);
  private static final String QUESTION = "Wann hat das Fundamt geöffnet?";

  @InjectOllamaStandIn OllamaStandIn ollama;

  private String client;

  @BeforeEach
  void newClient() {
    ollama.reset();
    // Buckets outlive a test run in the database (an hour for feedback): start every test afresh.
    Db.execute("delete from rate_limit_bucket");
    client = "198.51.100." + CLIENTS.incrementAndGet();
  }

  @Test
  void theFourthQuestionInAMinuteIsRefusedClearlyAndNotStored() {
    double limited = Metrics.value("assistant_rate_limited_total", "kind=\"CHAT\"");
    ask(client).then().statusCode(200);
    ask(client).then().statusCode(200);
    stream(client).then().statusCode(200);
    long messages = Db.count("message");
    long audit = Db.count("audit_entry");

    Response refused = ask(client);

    refused.then().statusCode(429)
        .contentType("application/problem+json")
        .body("status", equalTo(429))
        .body("title", equalTo("Zu viele Anfragen"))
        .body("detail", containsString("Bitte versuchen Sie es in"));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 60L);
    stream(client).then().statusCode(429);
    assertThat(Db.count("message")).isEqualTo(messages);
    assertThat(Db.count("audit_entry")).isEqualTo(audit);
    assertThat(Metrics.value("assistant_rate_limited_total", "kind=\"CHAT\"")).isEqualTo(limited + 2);

    ask("198.51.100.250").then().statusCode(200);
  }

  @Test
  void theRefusalSpeaksEnglishWhenAskedTo() {
    for (int i = 0; i < 3; i++) {
      ask(client).then().statusCode(200);
    }
    given().header("X-Forwarded-For", client).header("Accept-Language", "en")
        .contentType("application/json").body(Map.of("message", QUESTION))
        .post("/api/v1/chat").then().statusCode(429)
        .body("title", equalTo("Too many requests"));
  }

  @Test
  void feedbackHasItsOwnAllowance() {
    String messageId = ask(client).then().statusCode(200).extract().path("messageId");
    rate(client, messageId).then().statusCode(201);
    rate(client, messageId).then().statusCode(201);
    rate(client, messageId).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    ask(client).then().statusCode(200);
  }

  @Test
  void onlyHashedClientKeysAreStored() {
    ask(client).then().statusCode(200);
    assertThat(Db.rows("select id from rate_limit_bucket"))
        .isNotEmpty()
        .allSatisfy(row -> assertThat((String) row.get("id")).matches("(chat|feedback):[0-9a-f]{64}"))
        .noneSatisfy(row -> assertThat((String) row.get("id")).contains("198.51.100"));
  }

  private static Response ask(String client) {
    return given().header("X-Forwarded-For", client).contentType("application/json")
        .body(Map.of("message", QUESTION)).post("/api/v1/chat");
  }

  private static Response stream(String client) {
    return given().header("X-Forwarded-For", client).contentType("application/json")
        .body(Map.of("message", QUESTION)).post("/api/v1/chat/stream");
  }

  private static Response rate(String client, String messageId) {
    return given().header("X-Forwarded-For", client).contentType("application/json")
        .body(Map.of("rating", "down")).post("/api/v1/messages/" + messageId + "/feedback");
  }
}

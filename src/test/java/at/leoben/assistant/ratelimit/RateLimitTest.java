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
import at.leoben.assistant.testsupport.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
          "quarkus.http.proxy.allow-x-forwarded", "true",
          // The city's proxy and an inner one; a client's own X-Forwarded-For entries are not trusted.
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1,10.0.0.0/8");
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

  /** Each limited endpoint and the ways a client could spell its path to dodge the limit. */
  static Stream<Arguments> spellings() {
    List<String> chat = List.of(
        "/api/v1/chat/", "//api/v1/chat", "/api//v1/chat", "/api/v1%2Fchat", "/API/v1/chat", "/api/v1/CHAT",
        "/api/v1/chat;x=1", "/api;v=2/v1/chat", "/api/v1/x/../chat", "/api/v1/./chat", "/api/v1/chat/.");
    List<String> stream = chat.stream().map(path -> path.replace("chat", "chat/stream").replace("CHAT", "chat/STREAM")).toList();
    List<String> feedback = List.of(
        "/api/v1/messages/{id}/feedback/", "/api/v1/messages/{id}//feedback", "//api/v1/messages/{id}/feedback",
        "/api/v1/messages/{id}%2Ffeedback", "/api/v1/messages/{id}/FEEDBACK", "/api/v1/messages/{id}/feedback;x=1",
        "/api/v1/messages/{id}/x/../feedback", "/api/v1/messages/{id}/./feedback");
    return Stream.of(
            chat.stream().map(path -> Arguments.of("chat", path)),
            stream.stream().map(path -> Arguments.of("stream", path)),
            feedback.stream().map(path -> Arguments.of("feedback", path)))
        .flatMap(s -> s);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("spellings")
  void noSpellingOfALimitedPathGetsPastTheLimit(String endpoint, String spelling) {
    String messageId = endpoint.equals("feedback") ? ask("198.51.100.251").then().statusCode(200).extract().path("messageId") : null;
    // The allowance spent through the canonical path ...
    if (messageId == null) {
      for (int i = 0; i < 3; i++) {
        ask(client).then().statusCode(200);
      }
    } else {
      rate(client, messageId).then().statusCode(201);
      rate(client, messageId).then().statusCode(201);
    }
    int modelCalls = ollama.chatRequestCount();
    long feedback = Db.count("feedback");
    String path = spelling.replace("{id}", messageId == null ? "" : messageId);
    String body = messageId == null ? "{\"message\": \"" + QUESTION + "\"}" : "{\"rating\": \"down\"}";

    // ... is spent for every spelling of it: refused (429), or not a path of the API at all (4xx).
    for (int i = 0; i < 3; i++) {
      RawHttp.Reply reply = RawHttp.send(
          "POST", path, Map.of("X-Forwarded-For", client, "Content-Type", "application/json"), body);
      assertThat(reply.status()).as(path).isBetween(400, 499);
      assertThat(reply.header("Content-Type")).as(path).startsWith("application/problem+json");
    }
    assertThat(ollama.chatRequestCount()).as("model calls").isEqualTo(modelCalls);
    assertThat(Db.count("feedback")).isEqualTo(feedback);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("spellings")
  void aSpellingThatReachesTheResourceSpendsItsAllowance(String endpoint, String spelling) {
    String messageId = endpoint.equals("feedback") ? ask("198.51.100.252").then().statusCode(200).extract().path("messageId") : null;
    String path = spelling.replace("{id}", messageId == null ? "" : messageId);
    String body = messageId == null ? "{\"message\": \"" + QUESTION + "\"}" : "{\"rating\": \"up\"}";
    int allowance = messageId == null ? 3 : 2;
    int served = 0;
    for (int i = 0; i < allowance + 2; i++) {
      RawHttp.Reply reply = RawHttp.send(
          "POST", path, Map.of("X-Forwarded-For", client, "Content-Type", "application/json"), body);
      served += reply.status() < 300 ? 1 : 0;
    }
    assertThat(served).as(path).isLessThanOrEqualTo(allowance);
  }

  @Test
  void theClientIsTheRightmostAddressThatNoTrustedProxyAdded() {
    // A client makes up the left part of X-Forwarded-For; the city's proxy appends the address it saw.
    for (int i = 0; i < 3; i++) {
      askForwardedFor("203.0.113." + (i + 1) + ", " + client).then().statusCode(200);
    }
    askForwardedFor("203.0.113.99, " + client).then().statusCode(429);
    askForwardedFor("10.9.9.9, " + client).then().statusCode(429);
    // Behind a second, inner proxy (trusted) the client is still the address before it.
    askForwardedFor("203.0.113.98, " + client + ", 10.0.0.7").then().statusCode(429);
    // Another citizen behind the same proxies has an allowance of their own.
    askForwardedFor(client + ", 198.51.100.253, 10.0.0.7").then().statusCode(200);
  }

  private static Response askForwardedFor(String forwardedFor) {
    return given().header("X-Forwarded-For", forwardedFor).contentType("application/json")
        .body(Map.of("message", QUESTION)).post("/api/v1/chat");
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

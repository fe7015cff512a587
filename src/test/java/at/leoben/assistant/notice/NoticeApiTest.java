package at.leoben.assistant.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.Metrics;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import at.leoben.assistant.testsupport.Sse;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Digital.Team's crisis controls over HTTP: a notice every client gets, the AI switch that
 * keeps every question away from the model, their end times, the audit entries naming who did it,
 * the gauges, and refused bad input that changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class NoticeApiTest {

  private static final String NOTICE = "/api/v1/admin/notice";
  private static final String SWITCH = "/api/v1/admin/ai-switch";
  private static final String FLOOD = "Hochwasser an der Mur: Das Rathaus bleibt heute geschlossen.";

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
    switchOn();
  }

  /** Other test classes share this service: leave it with AI on and no notice. */
  @AfterEach
  void restore() {
    switchOn();
    Staff.asAdmin().delete(NOTICE);
  }

  private static void switchOn() {
    Staff.asAdmin().body(Map.of("enabled", true, "channel", "all", "reason", "Testende")).put(SWITCH).then().statusCode(200);
  }

  private static ExtractableResponse<Response> ask(String question, String... headers) {
    var request = given().contentType(ContentType.JSON).body(Map.of("message", Questions.unique(question)));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request.post("/api/v1/chat").then().statusCode(200).extract();
  }

  @Test
  void aNoticeReachesEveryClientUntilItIsEnded() {
    given().get("/api/v1/notice").then().statusCode(204);

    Staff.asAdmin()
        .body(Map.of(
            "text", Map.of("de", FLOOD, "en", "Flooding of the Mur: the town hall is closed today."),
            "severity", "emergency",
            "link", "https://www.leoben.at/hochwasser"))
        .put(NOTICE)
        .then().statusCode(200)
        .body("severity", equalTo("emergency"))
        .body("setBy", equalTo("admin"));

    given().get("/api/v1/notice").then().statusCode(200)
        .body("text", equalTo(FLOOD))
        .body("severity", equalTo("emergency"))
        .body("link", equalTo("https://www.leoben.at/hochwasser"));
    given().queryParam("language", "en").get("/api/v1/notice").then().statusCode(200)
        .body("text", equalTo("Flooding of the Mur: the town hall is closed today."));
    given().header("Accept-Language", "en").get("/api/v1/notice").then().statusCode(200)
        .body("text", startsWith("Flooding"));
    // A language without its own text gets the German one.
    given().queryParam("language", "tr").get("/api/v1/notice").then().statusCode(200).body("text", equalTo(FLOOD));

    var reply = ask("Wann hat das Bürgerservice geöffnet?");
    assertThat(reply.<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(reply.<String>path("notice.text")).isEqualTo(FLOOD);
    assertThat(reply.<String>path("notice.severity")).isEqualTo("emergency");

    List<Sse.Event> events = Sse.parse(stream("Wann hat das Bürgerservice geöffnet?").asString());
    Sse.Event done = events.get(events.size() - 1);
    assertThat(done.name()).isEqualTo("done");
    assertThat(done.data().path("notice").path("text").asText()).isEqualTo(FLOOD);

    Staff.asAdmin().delete(NOTICE).then().statusCode(200).body("endedBy", equalTo("admin"));
    given().get("/api/v1/notice").then().statusCode(204);
    assertThat(ask("Wann hat das Bürgerservice geöffnet?").<Object>path("notice")).isNull();
    Staff.asAdmin().delete(NOTICE).then().statusCode(404).contentType("application/problem+json");
    // The public transparency page keeps it among the notices so far.
    given().get("/transparenz").then().statusCode(200).body(containsString(FLOOD)).body(containsString("Notfall"));
  }

  @Test
  void switchedOffNoQuestionReachesTheModelAndTheCityAnswersWithItsOwnTexts() {
    Staff.asAdmin()
        .body(Map.of("enabled", false, "channel", "all", "reason", "Falsche Auskunft in der Zeitung"))
        .put(SWITCH)
        .then().statusCode(200)
        .body("channels.enabled", equalTo(List.of(false, false)));

    var reply = ask("Wann hat das Bürgerservice geöffnet?");
    assertThat(reply.<String>path("kind")).isEqualTo("KNOWLEDGE_EXCERPT");
    assertThat(reply.<String>path("reason")).isEqualTo("AI_SWITCHED_OFF");
    assertThat(reply.<String>path("answer")).startsWith("Die KI-Antworten sind zurzeit abgeschaltet.");
    assertThat(reply.<Object>path("disclosure")).isNull();
    assertThat(reply.header("AI-Disclosure")).isNull();
    assertThat(reply.<List<Object>>path("analogueChannels")).isNotEmpty();
    assertThat(reply.<List<Object>>path("sources")).isNotEmpty();

    List<Sse.Event> events = Sse.parse(stream("Wann hat das Bürgerservice geöffnet?").asString());
    assertThat(Sse.names(events)).containsExactly("fallback");
    assertThat(events.get(0).data().path("reason").asText()).isEqualTo("AI_SWITCHED_OFF");

    given().queryParam("channel", "widget").get("/api/v1/ai-switch").then().statusCode(200).body("enabled", equalTo(false));
    assertThat(Metrics.value("assistant_ai_switched_off", "channel=\"widget\"")).isEqualTo(1.0);
    assertThat(ollama.chatRequestCount()).isZero();

    Staff.asAdmin().body(Map.of("enabled", true, "channel", "all", "reason", "Auskunft berichtigt")).put(SWITCH).then().statusCode(200);
    assertThat(ask("Wann hat das Bürgerservice geöffnet?").<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(ollama.chatRequestCount()).isEqualTo(1);
    assertThat(Metrics.value("assistant_ai_switched_off", "channel=\"widget\"")).isEqualTo(0.0);
  }

  @Test
  void theWidgetAndTheApiAreSwitchedSeparately() {
    Staff.asAdmin().body(Map.of("enabled", false, "channel", "widget", "reason", "Widget-Test")).put(SWITCH).then().statusCode(200);

    assertThat(ask("Wann hat das Bürgerservice geöffnet?", AiChannel.HEADER, "widget").<String>path("reason")).isEqualTo("AI_SWITCHED_OFF");
    assertThat(ask("Wann hat das Bürgerservice geöffnet?").<String>path("kind")).isEqualTo("AI_GENERATED");
    given().queryParam("channel", "api").get("/api/v1/ai-switch").then().body("enabled", equalTo(true));
    assertThat(ollama.chatRequestCount()).isEqualTo(1);
  }

  @Test
  void endTimesAreHonouredWithoutAnyoneActing() throws InterruptedException {
    Instant soon = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    Staff.asAdmin().body(Map.of("enabled", false, "reason", "Kurz aus", "until", soon.toString())).put(SWITCH).then().statusCode(200);
    Staff.asAdmin().body(Map.of("text", Map.of("de", "Kurzer Hinweis"), "severity", "info", "until", soon.toString()))
        .put(NOTICE).then().statusCode(200);
    assertThat(ask("Wann hat das Bürgerservice geöffnet?").<String>path("reason")).isEqualTo("AI_SWITCHED_OFF");
    given().get("/api/v1/notice").then().statusCode(200).body("until", equalTo(soon.toString()));

    Thread.sleep(Duration.between(Instant.now(), soon).toMillis() + 300);

    given().get("/api/v1/notice").then().statusCode(204);
    assertThat(ask("Wann hat das Bürgerservice geöffnet?").<String>path("kind")).isEqualTo("AI_GENERATED");
  }

  /** Issue 22: "Admins (and operators) set a notice"; the switch itself stays with admins. */
  @Test
  void anOperatorOnCallPutsUpANoticeAndIsNamedInTheAudit() {
    String since = Instant.now().toString();
    Staff.asOperator().body(Map.of("text", Map.of("de", FLOOD), "severity", "emergency")).put(NOTICE).then().statusCode(200);
    given().get("/api/v1/notice").then().statusCode(200).body("text", equalTo(FLOOD)).body("severity", equalTo("emergency"));
    Staff.asOperator().delete(NOTICE).then().statusCode(200);
    given().get("/api/v1/notice").then().statusCode(204);

    List<Map<String, Object>> notices = Staff.asAdmin().queryParam("event", "NOTICE").queryParam("from", since).get("/api/v1/admin/audit")
        .then().statusCode(200).extract().path("entries");
    List<Map<String, Object>> byOperator = notices.stream().filter(e -> Staff.OPERATOR.equals(e.get("actor"))).toList();
    assertThat(byOperator).extracting(e -> e.get("kind")).containsExactly("SET", "ENDED");
    assertThat(byOperator).allSatisfy(e -> assertThat(e.get("actorRole")).isEqualTo("operator"));
  }

  @Test
  void everyChangeIsAnAuditEntryNamingWhoDidIt() {
    // Only this test's entries: the database keeps those of earlier runs.
    String since = Instant.now().toString();
    Staff.asAdmin().body(Map.of("enabled", false, "channel", "api", "reason", "Prüfung nach Beschwerde")).put(SWITCH).then().statusCode(200);
    Staff.asAdmin().body(Map.of("text", Map.of("de", FLOOD), "severity", "warning")).put(NOTICE).then().statusCode(200);
    Staff.asAdmin().delete(NOTICE).then().statusCode(200);

    var switched = Staff.asAdmin().queryParam("event", "AI_SWITCH").queryParam("kind", "OFF").queryParam("from", since).get("/api/v1/admin/audit")
        .then().statusCode(200).extract();
    List<Map<String, Object>> offs = switched.path("entries");
    Map<String, Object> last = offs.get(offs.size() - 1);
    assertThat(last.get("actor")).isEqualTo("admin");
    assertThat(last.get("actorRole")).isEqualTo("admin");
    assertThat((String) last.get("note")).contains("channel=api").contains("Prüfung nach Beschwerde");

    List<Map<String, Object>> notices = Staff.asAdmin().queryParam("event", "NOTICE").queryParam("from", since).get("/api/v1/admin/audit")
        .then().statusCode(200).extract().path("entries");
    List<Map<String, Object>> byAdmin = notices.stream().filter(e -> Staff.ADMIN.equals(e.get("actor"))).toList();
    assertThat(byAdmin).extracting(e -> e.get("kind")).containsExactly("SET", "ENDED");
    assertThat(byAdmin).allSatisfy(e -> assertThat(e.get("actorRole")).isEqualTo("admin"));
    assertThat(byAdmin.get(byAdmin.size() - 2).get("answer")).isEqualTo(FLOOD);
    Staff.asAdmin().get("/api/v1/admin/audit/verify").then().statusCode(200).body("intact", equalTo(true));
  }

  @Test
  void badInputIsAGermanProblemAndChangesNothing() {
    long notices = Db.count("service_notice");
    long switches = Db.count("ai_switch_change");
    String future = Instant.now().plusSeconds(3600).toString();
    String past = Instant.now().minusSeconds(60).toString();

    refusedNotice(Map.of("text", Map.of("en", "English only"), "severity", "info"), "auf Deutsch");
    refusedNotice(Map.of("text", Map.of("de", "  "), "severity", "info"), "auf Deutsch");
    refusedNotice(Map.of("severity", "info"), "auf Deutsch");
    refusedNotice(Map.of("text", Map.of("de", FLOOD), "severity", "catastrophe"), "Dringlichkeit");
    refusedNotice(Map.of("text", Map.of("de", FLOOD, "xx", "?"), "severity", "info"), "„xx“ ist keine Sprache");
    refusedNotice(Map.of("text", Map.of("de", "x".repeat(501)), "severity", "info"), "höchstens 500 Zeichen");
    refusedNotice(Map.of("text", Map.of("de", FLOOD), "severity", "info", "until", past), "Vergangenheit");
    refusedNotice(Map.of("text", Map.of("de", FLOOD), "severity", "info", "from", future, "until", Instant.now().plusSeconds(60).toString()), "nicht nach dem Beginn");
    refusedNotice(Map.of("text", Map.of("de", FLOOD), "severity", "info", "until", "morgen"), "„until“ ist nicht lesbar");
    refusedNotice(Map.of("text", Map.of("de", FLOOD), "severity", "info", "link", "javascript:alert(1)"), "http(s)-Adresse");

    refusedSwitch(Map.of("enabled", false, "channel", "all", "reason", " "), "Grund");
    refusedSwitch(Map.of("enabled", false, "channel", "fax", "reason", "Test"), "Kanal");
    refusedSwitch(Map.of("channel", "all", "reason", "Test"), "ein- oder ausgeschaltet");
    refusedSwitch(Map.of("enabled", false, "reason", "Test", "until", past), "Vergangenheit");

    Staff.asAdmin().header("Accept-Language", "en").body(Map.of("enabled", false, "reason", "")).put(SWITCH)
        .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("Please give a reason"));
    Staff.asClerk().body(Map.of("enabled", false, "reason", "Ich darf das nicht")).put(SWITCH)
        .then().statusCode(403).contentType("application/problem+json");
    Staff.asClerk().body(Map.of("text", Map.of("de", FLOOD), "severity", "info")).put(NOTICE).then().statusCode(403);
    Staff.asOperator().body(Map.of("enabled", false, "reason", "Betrieb schaltet nicht")).put(SWITCH).then().statusCode(403);
    given().contentType(ContentType.JSON).body(Map.of("enabled", false, "reason", "anonym")).put(SWITCH).then().statusCode(401);

    assertThat(Db.count("service_notice")).isEqualTo(notices);
    assertThat(Db.count("ai_switch_change")).isEqualTo(switches);
    given().get("/api/v1/notice").then().statusCode(204);
    given().get("/api/v1/ai-switch").then().body("enabled", equalTo(true));
  }

  private static void refusedNotice(Map<String, Object> body, String detail) {
    Staff.asAdmin().body(body).put(NOTICE)
        .then().statusCode(400).contentType("application/problem+json").body("detail", containsString(detail));
  }

  private static void refusedSwitch(Map<String, Object> body, String detail) {
    Staff.asAdmin().body(body).put(SWITCH)
        .then().statusCode(400).contentType("application/problem+json").body("detail", containsString(detail));
  }

  private static Response stream(String question) {
    return given()
        .contentType(ContentType.JSON)
        .accept("text/event-stream")
        .body(Map.of("message", Questions.unique(question)))
        .post("/api/v1/chat/stream");
  }
}

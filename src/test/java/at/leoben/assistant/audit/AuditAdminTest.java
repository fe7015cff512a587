package at.leoben.assistant.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import at.leoben.assistant.chat.RetentionJob;
import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.testsupport.Questions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins read, filter and export the audit; retention empties old content and the chain still holds. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class AuditAdminTest {

  private static final String AUDIT = "/api/v1/admin/audit";

  @Inject RetentionJob retention;

  private static String conversation() {
    var reply = Citizen.ask(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    given().contentType("application/json")
        .header("X-Conversation-Token", (String) reply.path("conversationToken"))
        .body(Map.of("message", "Und wann hat es offen?", "conversationId", reply.path("conversationId")))
        .post("/api/v1/chat").then().statusCode(200);
    return reply.path("conversationId");
  }

  @Test
  void entriesAreListedAndFiltered() {
    String conversation = conversation();
    Staff.asAdmin().queryParam("conversationId", conversation).get(AUDIT)
        .then().statusCode(200)
        .body("total", equalTo(2))
        .body("entries[0].event", equalTo("TURN"))
        .body("entries[0].responsibleName", equalTo("Mag. Erika Muster"))
        .body("entries[0].hash", notNullValue())
        .body("entries[1].prevHash", notNullValue());
    Staff.asAdmin().queryParam("conversationId", conversation).queryParam("kind", "FALLBACK").get(AUDIT)
        .then().statusCode(200).body("total", equalTo(0));
    String from = Instant.now().minus(Duration.ofMinutes(5)).toString();
    Staff.asAdmin().queryParam("from", from).queryParam("event", "TURN").queryParam("size", 1).get(AUDIT)
        .then().statusCode(200).body("entries.size()", equalTo(1));
  }

  @Test
  void exportsAreJsonLinesOrCsv() throws Exception {
    String conversation = conversation();
    String jsonl = Staff.asAdmin().queryParam("conversationId", conversation).get(AUDIT + "/export")
        .then().statusCode(200).contentType("application/jsonl").extract().asString();
    List<String> lines = jsonl.lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("conversationId").asText()).isEqualTo(conversation);
    assertThat(first.get("seq").asLong()).isPositive();

    String csv = Staff.asAdmin().queryParam("conversationId", conversation).queryParam("format", "csv").get(AUDIT + "/export")
        .then().statusCode(200).contentType("text/csv").header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .extract().asString();
    assertThat(csv.split("\r\n")).hasSize(3);
    assertThat(csv).startsWith("seq,occurred_at,event,conversation_id");
  }

  @Test
  void badFiltersAndOversizedRangesAreProblems() {
    List<Map<String, Object>> bad =
        List.of(
            Map.of("from", "gestern"),
            Map.of("from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z"),
            Map.of("conversationId", "42"),
            Map.of("size", 0),
            Map.of("size", 501));
    for (Map<String, Object> params : bad) {
      Staff.asAdmin().queryParams(params).get(AUDIT).then().statusCode(400).contentType("application/problem+json");
    }
    Staff.asAdmin().queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
        .get(AUDIT + "/export").then().statusCode(400).contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("400 Tage"));
    Staff.asAdmin().queryParam("format", "xml").get(AUDIT + "/export").then().statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void retentionDeletesOldConversationsAndLeavesOnlyDigestsInTheAudit() {
    String conversation = conversation();
    // A day after both retention periods ended.
    retention.runAt(Instant.now().plus(Duration.ofDays(366)));

    assertThat(Db.rows("select 1 from conversation where id = ?", UUID.fromString(conversation))).isEmpty();
    assertThat(Db.rows("select 1 from message where conversation_id = ?", UUID.fromString(conversation))).isEmpty();
    var audit = Db.rows("select question, answer from audit_entry where conversation_id = ?", UUID.fromString(conversation));
    assertThat(audit).hasSize(2).allSatisfy(row -> {
      assertThat((String) row.get("question")).startsWith("erased:sha256:");
      assertThat((String) row.get("answer")).startsWith("erased:sha256:");
    });
    // By id: entries not yet sealed have no seq, and a full test database expires in several batches.
    assertThat(Db.rows("select kind from audit_entry where event = 'RETENTION' order by id desc limit 2"))
        .extracting(row -> row.get("kind")).containsExactlyInAnyOrder("CONVERSATIONS", "AUDIT_CONTENT");
    Staff.asAdmin().get(AUDIT + "/verify").then().statusCode(200).body("intact", equalTo(true));
  }
}

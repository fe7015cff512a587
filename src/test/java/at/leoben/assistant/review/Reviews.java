package at.leoben.assistant.review;

import static io.restassured.RestAssured.given;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.Questions;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** Test steps around the review queue: a citizen's question, their thumbs-down, the item it made. */
final class Reviews {

  private Reviews() {}

  /** A first question unique to this test run, that the starter knowledge can answer. */
  static String uniqueQuestion() {
    return Questions.unique("Wo kann ich eine Fundsache abgeben?");
  }

  record Flagged(String question, String conversationId, String token, String messageId, String itemId) {}

  /** Asks, rates the answer down, and returns the review item that made. */
  static Flagged askAndRateDown(String question) {
    ExtractableResponse<Response> reply = Citizen.ask(question);
    String messageId = reply.path("messageId");
    rate(messageId, Map.of("rating", "down", "comment", "Das stimmt so nicht", "reasons", java.util.List.of("wrong")))
        .then()
        .statusCode(201);
    return new Flagged(
        question, reply.path("conversationId"), reply.path("conversationToken"), messageId, itemOf(messageId));
  }

  /**
   * Takes the open items that earlier test runs left in the shared test database out of the open
   * queue, so that a test walking the queue sees this run's items only, however many runs came before.
   */
  static void retireItemsOfEarlierRuns() {
    java.time.Instant thisRun =
        java.time.Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    Db.update(
        "update review_item set status = 'REJECTED', claimed_by = coalesce(claimed_by, 'earlier-test-run'),"
            + " decided_by = 'earlier-test-run', decided_at = now()"
            + " where status in ('OPEN', 'IN_REVIEW') and created_at < ?",
        java.sql.Timestamp.from(thisRun));
  }

  static Response rate(String messageId, Object body) {
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/messages/" + messageId + "/feedback");
  }

  static String itemOf(String messageId) {
    var rows = Db.rows("select id from review_item where message_id = ?", UUID.fromString(messageId));
    return rows.isEmpty() ? null : rows.get(0).get("id").toString();
  }

  static Map<String, Object> decision(String decision, String comment, String correctedText, Object version) {
    var body = new java.util.HashMap<String, Object>();
    body.put("decision", decision);
    body.put("comment", comment);
    if (correctedText != null) {
      body.put("correctedText", correctedText);
    }
    body.put("version", version);
    return body;
  }
}

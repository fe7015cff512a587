package at.leoben.assistant.review;

import static at.leoben.assistant.review.Reviews.askAndRateDown;
import static at.leoben.assistant.review.Reviews.decision;
import static at.leoben.assistant.review.Reviews.uniqueQuestion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.Metrics;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Sse;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review queue end to end over HTTP and the real database: citizens' feedback flags answers,
 * clerks claim and decide, citizens see the decision, approved answers are given again.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class ReviewApiTest {

  private static final String REVIEWS = "/api/v1/reviews";

  // Claims carry no body; JSON (not RestAssured's default form encoding) as an API client sends it.
  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  private static ExtractableResponse<Response> item(String itemId) {
    return Staff.asClerk().get(REVIEWS + "/" + itemId).then().statusCode(200).extract();
  }

  private static int version(String itemId) {
    return item(itemId).path("version");
  }

  @Test
  void aThumbsDownPutsTheAnswerIntoTheQueueWithTheWholeConversation() {
    ollama.behave(Behaviour.answer("Fundsachen geben Sie im Fundamt im Rathaus ab [1]."));
    Reviews.Flagged flagged = askAndRateDown(uniqueQuestion());

    assertThat(flagged.itemId()).isNotNull();
    Staff.asClerk()
        .get(REVIEWS + "/" + flagged.itemId())
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("flags.reason", hasItem("CITIZEN_FEEDBACK"))
        .body("feedback[0].rating", equalTo("DOWN"))
        .body("feedback[0].comment", equalTo("Das stimmt so nicht"))
        .body("feedback[0].reasons", equalTo(List.of("wrong")))
        .body("reply.kind", equalTo("AI_GENERATED"))
        .body("reply.text", containsString("Fundamt"))
        .body("conversation.size()", equalTo(2))
        .body("conversation[0].author", equalTo("CITIZEN"))
        .body("conversation[0].text", equalTo(flagged.question()))
        .body("conversation[1].sources.size()", org.hamcrest.Matchers.greaterThan(0));
    // The queue lists it under its reason.
    Staff.asClerk()
        .queryParam("reason", "CITIZEN_FEEDBACK")
        .queryParam("size", 200)
        .get(REVIEWS)
        .then()
        .statusCode(200)
        .body("total", org.hamcrest.Matchers.greaterThan(0));
  }

  @Test
  void aThumbsUpIsStoredButQueuesNothingAndASecondRatingReplacesTheFirst() {
    String messageId = Citizen.ask(uniqueQuestion()).path("messageId");
    Reviews.rate(messageId, Map.of("rating", "up")).then().statusCode(201).body("queuedForReview", equalTo(false));
    assertThat(Reviews.itemOf(messageId)).isNull();
    Reviews.rate(messageId, Map.of("rating", "down")).then().statusCode(201).body("queuedForReview", equalTo(true));
    assertThat(Db.rows("select rating from feedback where message_id = ?", UUID.fromString(messageId)))
        .extracting(row -> row.get("rating"))
        .containsExactly("DOWN");
    assertThat(Reviews.itemOf(messageId)).isNotNull();
  }

  @Test
  void badFeedbackIsRefusedInGermanAndStoresNothing() {
    String messageId = Citizen.ask(uniqueQuestion()).path("messageId");
    List<Object> bodies =
        List.of(
            Map.of("rating", "meh"),
            Map.of("comment", "ohne Bewertung"),
            Map.of("rating", "down", "comment", "x".repeat(1001)),
            Map.of("rating", "down", "reasons", List.of("wrong", "boring")));
    for (Object body : bodies) {
      Reviews.rate(messageId, body)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", notNullValue())
          .body("title", equalTo("Ungültige Anfrage"));
    }
    Reviews.rate(UUID.randomUUID().toString(), Map.of("rating", "down"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("Diese Antwort gibt es nicht (mehr)."));
    assertThat(Db.rows("select 1 from feedback where message_id = ?", UUID.fromString(messageId))).isEmpty();
    assertThat(Reviews.itemOf(messageId)).isNull();
  }

  @Test
  void oneClerkAtATimeAndEveryRefusalLeavesTheItemAsItWas() {
    Reviews.Flagged flagged = askAndRateDown(uniqueQuestion());
    String item = REVIEWS + "/" + flagged.itemId();

    // Deciding before claiming is refused.
    Staff.asClerk().contentType(ContentType.JSON).body(decision("approve", "passt", null, 0)).post(item + "/decision")
        .then().statusCode(409).contentType("application/problem+json")
        .body("detail", equalTo("Bitte übernehmen Sie den Eintrag zuerst."));

    Staff.asClerk().contentType(ContentType.JSON).post(item + "/claim").then().statusCode(200)
        .body("status", equalTo("IN_REVIEW")).body("claimedBy", equalTo(Staff.CLERK));
    // Claiming again is harmless for the same clerk, refused for another.
    Staff.asClerk().contentType(ContentType.JSON).post(item + "/claim").then().statusCode(200);
    Staff.asOtherClerk().contentType(ContentType.JSON).post(item + "/claim").then().statusCode(409)
        .body("detail", equalTo("Dieser Eintrag wird bereits von " + Staff.CLERK + " bearbeitet."));
    int version = version(flagged.itemId());

    // The other clerk can neither decide nor release it.
    Staff.asOtherClerk().contentType(ContentType.JSON).body(decision("approve", "passt", null, version))
        .post(item + "/decision").then().statusCode(409).body("detail", containsString(Staff.CLERK));
    Staff.asOtherClerk().delete(item + "/claim").then().statusCode(409);

    // Bad decisions by the right clerk.
    record Bad(Map<String, Object> body, int status, String detail) {}
    List<Bad> bad =
        List.of(
            new Bad(decision("correct", "Tippfehler", "   ", version), 400, "Bitte geben Sie den korrigierten Antworttext ein."),
            new Bad(decision("approve", "  ", null, version), 400, "Bitte begründen Sie Ihre Entscheidung mit einem Kommentar."),
            new Bad(decision("approve", "x".repeat(1001), null, version), 400, "Der Kommentar ist zu lang (höchstens 1000 Zeichen)."),
            new Bad(decision("publish", "passt", null, version), 400, null),
            new Bad(decision("approve", "passt", null, null), 400, "Die Version des Eintrags fehlt (Feld „version“)."),
            new Bad(decision("approve", "passt", null, version - 1), 409,
                "Der Eintrag wurde inzwischen geändert. Bitte laden Sie ihn neu und prüfen Sie Ihre Entscheidung."));
    for (Bad b : bad) {
      var response = Staff.asClerk().contentType(ContentType.JSON).body(b.body()).post(item + "/decision")
          .then().statusCode(b.status()).contentType("application/problem+json");
      if (b.detail() != null) {
        response.body("detail", equalTo(b.detail()));
      }
    }
    item(flagged.itemId()).response().then()
        .body("status", equalTo("IN_REVIEW")).body("version", equalTo(version)).body("decidedBy", nullValue());
    assertThat(Db.rows("select 1 from audit_entry where message_id = ? and event = 'REVIEW_DECISION'",
        UUID.fromString(flagged.messageId()))).isEmpty();

    // An admin may release a clerk's claim; then the other clerk can take it.
    Staff.asAdmin().delete(item + "/claim").then().statusCode(200).body("status", equalTo("OPEN"));
    Staff.asOtherClerk().contentType(ContentType.JSON).post(item + "/claim").then().statusCode(200).body("claimedBy", equalTo(Staff.OTHER_CLERK));
  }

  @Test
  void aCorrectionIsAuditedShownToTheCitizenAndGivenAgainWithoutTheModel() {
    ollama.behave(Behaviour.answer("Das Fundamt ist im Hauptbahnhof [1]."));
    Reviews.Flagged flagged = askAndRateDown(uniqueQuestion());
    String item = REVIEWS + "/" + flagged.itemId();
    Staff.asClerk().contentType(ContentType.JSON).post(item + "/claim").then().statusCode(200);
    String corrected = "Fundsachen geben Sie im Fundamt im Rathaus Leoben ab (Erdgeschoss).";

    Staff.asClerk().contentType(ContentType.JSON)
        .body(decision("correct", "Ort war falsch", corrected, version(flagged.itemId())))
        .post(item + "/decision")
        .then().statusCode(200)
        .body("status", equalTo("CORRECTED"))
        .body("decidedBy", equalTo(Staff.CLERK))
        .body("correctedText", equalTo(corrected))
        .body("history[0].actor", equalTo(Staff.CLERK))
        .body("history[0].kind", equalTo("CORRECTED"));

    // Audited, naming the clerk, in the database itself.
    var audit = Db.rows("select actor, actor_role, kind, note, answer from audit_entry where message_id = ? and event = 'REVIEW_DECISION'",
        UUID.fromString(flagged.messageId()));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0)).containsEntry("actor", Staff.CLERK).containsEntry("actor_role", "clerk")
        .containsEntry("kind", "CORRECTED").containsEntry("note", "Ort war falsch").containsEntry("answer", corrected);

    // Deciding twice is refused.
    Staff.asClerk().contentType(ContentType.JSON).body(decision("approve", "doch", null, version(flagged.itemId())))
        .post(item + "/decision").then().statusCode(409).body("detail", containsString("bereits entschieden"));

    // The citizen sees the correction, labelled, still KI-generiert, reviewed by a clerk.
    given().header("X-Conversation-Token", flagged.token())
        .get("/api/v1/conversations/" + flagged.conversationId())
        .then().statusCode(200)
        .header("AI-Disclosure", containsString("reviewed-by=\"clerk\""))
        .body("messages[1].text", equalTo(corrected))
        .body("messages[1].reviewStatus", equalTo("CORRECTED"))
        .body("messages[1].reviewNote", containsString("korrigiert"))
        .body("messages[1].disclosure.label", equalTo("KI-generiert"))
        .body("messages[1].disclosure.reviewedBy", equalTo("clerk"));

    // The same question again, from someone else: the corrected answer, no model call.
    int calls = ollama.chatRequestCount();
    ExtractableResponse<Response> again = given().contentType(ContentType.JSON)
        .body(Map.of("message", "  " + flagged.question().toUpperCase() + "!")).post("/api/v1/chat")
        .then().statusCode(200).header("AI-Disclosure", containsString("reviewed-by=\"clerk\"")).extract();
    assertThat(ollama.chatRequestCount()).isEqualTo(calls);
    assertThat((String) again.path("kind")).isEqualTo("HUMAN_APPROVED");
    assertThat((String) again.path("reason")).isEqualTo("APPROVED_ANSWER");
    assertThat((String) again.path("answer")).isEqualTo(corrected);
    assertThat((String) again.path("reviewStatus")).isEqualTo("CORRECTED");
    assertThat((String) again.path("disclosure.label")).isEqualTo("KI-generiert");
    assertThat((List<?>) again.path("sources")).isNotEmpty();

    // Streamed: disclosure first, the whole text as one delta, then sources and done.
    String stream = given().contentType(ContentType.JSON).accept("text/event-stream")
        .body(Map.of("message", flagged.question())).post("/api/v1/chat/stream")
        .then().statusCode(200).header("AI-Disclosure", containsString("reviewed-by")).extract().asString();
    List<Sse.Event> events = Sse.parse(stream);
    assertThat(Sse.names(events)).containsExactly("disclosure", "delta", "sources", "done");
    assertThat(events.get(3).data().get("kind").asText()).isEqualTo("HUMAN_APPROVED");
    assertThat(ollama.chatRequestCount()).isEqualTo(calls);

    // An admin withdraws it (a clerk may not): the model answers again.
    String approvedId = Db.rows("select id from approved_answer where source_message_id = ?",
        UUID.fromString(flagged.messageId())).get(0).get("id").toString();
    Staff.asClerk().delete(REVIEWS + "/approved-answers/" + approvedId).then().statusCode(403);
    Staff.asAdmin().delete(REVIEWS + "/approved-answers/" + approvedId).then().statusCode(200)
        .body("withdrawnAt", notNullValue());
    Staff.asAdmin().delete(REVIEWS + "/approved-answers/" + approvedId).then().statusCode(409);
    assertThat(Db.rows("select actor from audit_entry where event = 'APPROVED_ANSWER_WITHDRAWN' and message_id = ?",
        UUID.fromString(flagged.messageId()))).extracting(r -> r.get("actor")).containsExactly(Staff.ADMIN);
    Citizen.ask(flagged.question()).response().then().body("kind", equalTo("AI_GENERATED"));
    assertThat(ollama.chatRequestCount()).isEqualTo(calls + 1);
  }

  @Test
  void anApprovedAnswerThatACitizenRatesDownAndAClerkRejectsIsNoLongerGiven() {
    ollama.behave(Behaviour.answer("Fundsachen nimmt das Fundamt im Rathaus an [1]."));
    Reviews.Flagged first = askAndRateDown(uniqueQuestion());
    Staff.asClerk().post(REVIEWS + "/" + first.itemId() + "/claim").then().statusCode(200);
    Staff.asClerk().body(decision("approve", "stimmt", null, version(first.itemId())))
        .post(REVIEWS + "/" + first.itemId() + "/decision").then().statusCode(200);

    // Given again as approved; this citizen disagrees, a clerk agrees with them.
    Reviews.Flagged again = askAndRateDown(first.question());
    assertThat((String) Citizen.ask(first.question()).path("kind")).isEqualTo("HUMAN_APPROVED");
    Staff.asOtherClerk().post(REVIEWS + "/" + again.itemId() + "/claim").then().statusCode(200);
    Staff.asOtherClerk().body(decision("reject", "Öffnungszeiten geändert", null, version(again.itemId())))
        .post(REVIEWS + "/" + again.itemId() + "/decision").then().statusCode(200);

    int calls = ollama.chatRequestCount();
    Citizen.ask(first.question()).response().then().body("kind", equalTo("AI_GENERATED"));
    assertThat(ollama.chatRequestCount()).isEqualTo(calls + 1);
  }

  @Test
  void aRejectedAnswerIsMarkedForTheCitizenAndNotGivenAgain() {
    Reviews.Flagged flagged = askAndRateDown(uniqueQuestion());
    String item = REVIEWS + "/" + flagged.itemId();
    Staff.asClerk().contentType(ContentType.JSON).post(item + "/claim").then().statusCode(200);
    Staff.asClerk().contentType(ContentType.JSON).body(decision("reject", "falsche Auskunft", null, version(flagged.itemId())))
        .post(item + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));

    given().header("X-Conversation-Token", flagged.token())
        .get("/api/v1/conversations/" + flagged.conversationId())
        .then().statusCode(200)
        .body("messages[1].reviewStatus", equalTo("REJECTED"))
        .body("messages[1].reviewNote", containsString("trifft nicht zu"));
    assertThat(Db.rows("select 1 from approved_answer where source_message_id = ?", UUID.fromString(flagged.messageId())))
        .isEmpty();
  }

  @Test
  void whereTheKnowledgeHasAGapAClerksAnswerFillsIt() {
    String question = "Erklären Sie mir bitte die Quantenchromodynamik von Gluonen " + UUID.randomUUID();
    ExtractableResponse<Response> gap = Citizen.ask(question);
    assertThat((String) gap.path("reason")).isEqualTo("NO_KNOWLEDGE");
    String itemId = Reviews.itemOf(gap.path("messageId"));
    Staff.asClerk().get(REVIEWS + "/" + itemId).then().body("flags.reason", hasItem("NO_KNOWLEDGE"));

    String written = "Dazu gibt die Stadt keine Auskunft; bitte fragen Sie an der Montanuniversität Leoben.";
    Staff.asClerk().contentType(ContentType.JSON).post(REVIEWS + "/" + itemId + "/claim").then().statusCode(200);
    Staff.asClerk().contentType(ContentType.JSON).body(decision("correct", "Verweis ergänzt", written, version(itemId)))
        .post(REVIEWS + "/" + itemId + "/decision").then().statusCode(200);

    var again = given().contentType(ContentType.JSON).body(Map.of("message", question)).post("/api/v1/chat")
        .then().statusCode(200).extract();
    assertThat((String) again.path("kind")).isEqualTo("HUMAN_APPROVED");
    assertThat((String) again.path("answer")).isEqualTo(written);
    // Written by a person: no KI-generiert label and no AI-Disclosure header.
    assertThat((Object) again.path("disclosure")).isNull();
    assertThat(again.header("AI-Disclosure")).isNull();
    assertThat(ollama.chatRequestCount()).isZero();
  }

  @Test
  void theQueueFiltersByStatusReasonAndAgeAndRefusesBadFilters() {
    Reviews.Flagged flagged = askAndRateDown(uniqueQuestion());
    List<String> open = Staff.asClerk().queryParam("reason", "citizen_feedback").queryParam("size", 200)
        .queryParam("status", "OPEN").get(REVIEWS).then().statusCode(200).extract().path("items.messageId");
    // Oldest first: a fresh item may be beyond the first page, so look at the newest page too.
    long total = Staff.asClerk().queryParam("status", "OPEN").queryParam("reason", "CITIZEN_FEEDBACK")
        .queryParam("size", 1).get(REVIEWS).then().extract().<Integer>path("total");
    List<String> last = Staff.asClerk().queryParam("status", "OPEN").queryParam("reason", "CITIZEN_FEEDBACK")
        .queryParam("size", 1).queryParam("page", total - 1).get(REVIEWS).then().extract().path("items.messageId");
    assertThat(open.contains(flagged.messageId()) || last.contains(flagged.messageId())).isTrue();

    List<String> old = Staff.asClerk().queryParam("minAge", "P7D").queryParam("size", 200).get(REVIEWS)
        .then().statusCode(200).extract().path("items.messageId");
    assertThat(old).doesNotContain(flagged.messageId());
    List<String> sampled = Staff.asClerk().queryParam("reason", "SAMPLE").queryParam("size", 200).get(REVIEWS)
        .then().statusCode(200).extract().path("items.messageId");
    assertThat(sampled).doesNotContain(flagged.messageId());

    for (Map<String, Object> bad : List.<Map<String, Object>>of(
        Map.of("status", "DONE"), Map.of("reason", "drop table"), Map.of("minAge", "a week"),
        Map.of("size", 0), Map.of("size", 201), Map.of("page", -1))) {
      Staff.asClerk().queryParams(bad).get(REVIEWS).then().statusCode(400)
          .contentType("application/problem+json").body("detail", notNullValue());
    }
    Staff.asClerk().get(REVIEWS + "/" + UUID.randomUUID()).then().statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void operatorsSeeTheBacklogAsMetrics() {
    askAndRateDown(uniqueQuestion());
    long waiting = (Long) Db.rows("select count(*) as n from review_item where status in ('OPEN', 'IN_REVIEW')").get(0).get("n");
    assertThat(Metrics.required("assistant_review_backlog")).isEqualTo(waiting);
    assertThat(Metrics.required("assistant_review_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
  }

  @Test
  void erasingTheConversationTakesItsReviewItemsAndFeedbackWithIt() {
    Reviews.Flagged flagged = askAndRateDown(uniqueQuestion());
    given().header("X-Conversation-Token", flagged.token())
        .delete("/api/v1/conversations/" + flagged.conversationId()).then().statusCode(204);
    UUID conversation = UUID.fromString(flagged.conversationId());
    assertThat(Db.rows("select 1 from review_item where conversation_id = ?", conversation)).isEmpty();
    assertThat(Db.rows("select 1 from review_flag where conversation_id = ?", conversation)).isEmpty();
    assertThat(Db.rows("select 1 from feedback where conversation_id = ?", conversation)).isEmpty();
  }
}

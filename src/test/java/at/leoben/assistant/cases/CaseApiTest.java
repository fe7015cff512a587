package at.leoben.assistant.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-over as citizens and clerks use it over HTTP, against the real database. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class CaseApiTest {

  private static final String PERSON = "Ich möchte mit einem Menschen sprechen";

  @InjectOllamaStandIn OllamaStandIn ollama;
  @Inject CaseRetention retention;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  @Test
  void aCitizenHandsOverTheirQuestionAndLearnsWhoAnswersAndWhen() {
    ExtractableResponse<Response> reply = Citizen.ask(PERSON);
    String id = reply.path("conversationId");
    String token = reply.path("conversationToken");

    ExtractableResponse<Response> receipt =
        Handover.post(id, token, Map.of("consent", true, "contact", Map.of("email", "maria.muster@example.at"), "note", "Bitte um Rückruf am Vormittag"))
            .then()
            .statusCode(201)
            .body("caseId", notNullValue())
            .body("number", startsWith("A-"))
            .body("office", equalTo("buergerservice"))
            .body("officeName", equalTo("Bürgerservice im Rathaus Leoben"))
            .body("status", equalTo("OPEN"))
            .body("expectedReplyBy", notNullValue())
            .body("contact", equalTo("EMAIL"))
            .body("message", containsString("Bürgerservice im Rathaus Leoben"))
            .body("message", containsString(" Uhr"))
            .extract();
    UUID caseId = UUID.fromString(receipt.path("caseId"));

    // Contact and note are unreadable in the database; the question is the citizen's own.
    Map<String, Object> row = Db.rows("select * from handover_case where id = ?", caseId).get(0);
    assertThat(row.get("question")).isEqualTo(PERSON);
    assertThat(new String((byte[]) row.get("contact_enc"), StandardCharsets.ISO_8859_1)).doesNotContain("maria.muster");
    assertThat(new String((byte[]) row.get("note_enc"), StandardCharsets.ISO_8859_1)).doesNotContain("Rückruf");
    assertThat(row.get("conversation_text")).isNull(); // not ticked: not handed over
    assertThat(Db.rows("select count(*) as n from audit_entry where event = 'CASE_OPENED' and conversation_id = ? and note not like '%maria%'", UUID.fromString(id)).get(0).get("n"))
        .isEqualTo(1L);

    given()
        .header("X-Conversation-Token", token)
        .get("/api/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("office", equalTo("buergerservice"))
        .body("reply", nullValue());
  }

  @Test
  void aSensitiveAreaGoesToItsOffice() {
    ExtractableResponse<Response> reply = Citizen.ask("Das Jugendamt will mir mein Kind wegnehmen");
    assertThat(reply.<String>path("area")).isEqualTo("child-welfare");
    Handover.post(reply.path("conversationId"), reply.path("conversationToken"), Map.of("consent", true, "includeConversation", true))
        .then()
        .statusCode(201)
        .body("office", equalTo("jugendamt"))
        .body("contact", equalTo("NONE"));
    Map<String, Object> row =
        Db.rows("select conversation_text from handover_case where conversation_id = ?", UUID.fromString(reply.path("conversationId"))).get(0);
    assertThat((String) row.get("conversation_text")).contains("Das Jugendamt will mir mein Kind wegnehmen");
  }

  @Test
  void aClerkClaimsAndAnswersAndTheCitizenReadsTheReplyAsAPersonsWord() {
    Handover handover = Handover.of(PERSON, Map.of("consent", true, "contact", Map.of("phone", "0664 1234567")));

    Staff.asClerk()
        .get("/api/v1/admin/cases")
        .then()
        .statusCode(200)
        .body("cases.caseId", hasItem(handover.caseId()));
    Staff.asClerk()
        .get("/api/v1/admin/cases/" + handover.caseId())
        .then()
        .statusCode(200)
        .body("question", equalTo(PERSON))
        .body("contact.kind", equalTo("PHONE"))
        .body("contact.value", equalTo("+43 664 1234567"));
    Staff.asClerk()
        .body(Map.of("text", "Zu früh"))
        .post("/api/v1/admin/cases/" + handover.caseId() + "/reply")
        .then()
        .statusCode(409); // not claimed yet
    Staff.asClerk().post("/api/v1/admin/cases/" + handover.caseId() + "/claim").then().statusCode(200).body("summary.claimedBy", equalTo(Staff.CLERK));
    Staff.asOtherClerk().post("/api/v1/admin/cases/" + handover.caseId() + "/claim").then().statusCode(409)
        .contentType("application/problem+json").body("detail", containsString(Staff.CLERK));
    Staff.asClerk()
        .body(Map.of("text", "Ihr Reisepass liegt ab Donnerstag zur Abholung bereit.", "channel", "widget"))
        .post("/api/v1/admin/cases/" + handover.caseId() + "/reply")
        .then()
        .statusCode(200)
        .body("summary.status", equalTo("ANSWERED"));

    handover.read()
        .then()
        .statusCode(200)
        .header("AI-Disclosure", nullValue())
        .body("status", equalTo("ANSWERED"))
        .body("reply.text", equalTo("Ihr Reisepass liegt ab Donnerstag zur Abholung bereit."))
        .body("reply.by", equalTo("Bürgerservice im Rathaus Leoben"))
        .body("reply.author", equalTo("HUMAN"))
        .body("reply.at", notNullValue())
        .body("disclosure", nullValue());

    Staff.asClerk().body(Map.of("outcome", "erledigt")).post("/api/v1/admin/cases/" + handover.caseId() + "/close").then().statusCode(200);
    List<Map<String, Object>> steps =
        Db.rows("select event, actor from audit_entry where conversation_id = ? and event like 'CASE_%' order by id", UUID.fromString(handover.conversationId()));
    assertThat(steps)
        .extracting(step -> step.get("event") + "/" + step.get("actor"))
        .containsExactly("CASE_OPENED/null", "CASE_CLAIMED/" + Staff.CLERK, "CASE_ANSWERED/" + Staff.CLERK, "CASE_CLOSED/" + Staff.CLERK);
    assertThat(Db.rows("select count(*) as n from audit_entry where conversation_id = ? and (note like '%664%' or answer like '%664%')", UUID.fromString(handover.conversationId())).get(0).get("n"))
        .isEqualTo(0L);
  }

  @Test
  void aCaseCanBeForwardedToTheRightOffice() {
    Handover handover = Handover.of(PERSON, Map.of("consent", true));
    Staff.asClerk()
        .body(Map.of("office", "sozialamt", "comment", "betrifft Mietzinsbeihilfe"))
        .post("/api/v1/admin/cases/" + handover.caseId() + "/forward")
        .then()
        .statusCode(200)
        .body("summary.office", equalTo("sozialamt"))
        .body("summary.status", equalTo("OPEN"));
    handover.read().then().body("office", equalTo("sozialamt")).body("officeName", equalTo("Sozialamt der Stadt Leoben"));
    Staff.asClerk().body(Map.of("office", "nirgendwo")).post("/api/v1/admin/cases/" + handover.caseId() + "/forward")
        .then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void badInputIsRefusedInGermanAndNothingIsStored() {
    ExtractableResponse<Response> reply = Citizen.ask(PERSON);
    String id = reply.path("conversationId");
    String token = reply.path("conversationToken");
    long cases = Db.count("handover_case");
    long audit = Db.count("audit_entry");

    refused(id, token, Map.of("includeConversation", true), 400, "Zustimmung");
    refused(id, token, Map.of("consent", false), 400, "Zustimmung");
    refused(id, token, Map.of("consent", true, "contact", Map.of("email", "maria@")), 400, "E-Mail-Adresse ist ungültig");
    refused(id, token, Map.of("consent", true, "contact", Map.of("email", "a@b.at\r\nBcc: x@y.at")), 400, "E-Mail-Adresse ist ungültig");
    refused(id, token, Map.of("consent", true, "contact", Map.of("phone", "12")), 400, "Telefonnummer ist ungültig");
    refused(id, token, Map.of("consent", true, "contact", Map.of("phone", "0664 1234567", "email", "m@example.at")), 400, "nur einen Kontaktweg");
    refused(id, token, Map.of("consent", true, "note", "x".repeat(2001)), 400, "höchstens 2000 Zeichen");
    refused(id, "falsch", Map.of("consent", true), 403, "Zugangsschlüssel");
    refused(UUID.randomUUID().toString(), token, Map.of("consent", true), 404, "gibt es nicht");
    given().contentType("application/json").body(Map.of("consent", true)).post("/api/v1/conversations/" + id + "/handover")
        .then().statusCode(401).contentType("application/problem+json");
    given().contentType("application/json").header("Accept-Language", "en").header("X-Conversation-Token", token).body(Map.of("consent", false))
        .post("/api/v1/conversations/" + id + "/handover")
        .then().statusCode(400).body("detail", containsString("consent"));

    assertThat(Db.count("handover_case")).isEqualTo(cases);
    assertThat(Db.count("audit_entry")).isEqualTo(audit);
  }

  private static void refused(String id, String token, Map<String, Object> body, int status, String detail) {
    Handover.post(id, token, body)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("detail", containsString(detail));
  }

  @Test
  void aWrongTokenCannotReadOrDeleteACase() {
    Handover handover = Handover.of(PERSON, Map.of("consent", true));
    String other = Citizen.ask(PERSON).path("conversationToken");
    given().header("X-Conversation-Token", other).get("/api/v1/cases/" + handover.caseId()).then().statusCode(403).contentType("application/problem+json");
    given().header("X-Conversation-Token", other).delete("/api/v1/cases/" + handover.caseId()).then().statusCode(403);
    given().get("/api/v1/cases/" + handover.caseId()).then().statusCode(401);
    given().header("X-Conversation-Token", handover.token()).get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404);
    given().header("X-Conversation-Token", handover.token()).get("/api/v1/cases/kein-fall").then().statusCode(404);
    handover.read().then().statusCode(200);
  }

  @Test
  void theSameConversationIsHandedOverOnlyOnceWhileTheCaseIsOpen() {
    Handover handover = Handover.of(PERSON, Map.of("consent", true));
    Handover.post(handover.conversationId(), handover.token(), Map.of("consent", true)).then().statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void theCitizenDeletesTheirCase() {
    Handover handover = Handover.of(PERSON, Map.of("consent", true, "contact", Map.of("email", "loeschen@example.at")));
    given().header("X-Conversation-Token", handover.token()).delete("/api/v1/cases/" + handover.caseId()).then().statusCode(204);
    handover.read().then().statusCode(404);
    assertThat(Db.rows("select 1 from handover_case where id = ?", UUID.fromString(handover.caseId()))).isEmpty();
    assertThat(Db.rows("select 1 from audit_entry where event = 'CASE_DELETED' and conversation_id = ?", UUID.fromString(handover.conversationId()))).hasSize(1);
  }

  @Test
  void retentionDeletesClosedCasesWithTheirContactData() {
    Handover closed = Handover.of(PERSON, Map.of("consent", true, "contact", Map.of("email", "alt@example.at")));
    Handover open = Handover.of(PERSON, Map.of("consent", true, "contact", Map.of("email", "offen@example.at")));
    Staff.asClerk().body(Map.of("outcome", "telefonisch geklärt")).post("/api/v1/admin/cases/" + closed.caseId() + "/close").then().statusCode(200);

    retention.runAt(Instant.now().plus(Duration.ofDays(29)));
    closed.read().then().statusCode(200).body("status", equalTo("CLOSED")).body("outcome", equalTo("telefonisch geklärt"));

    retention.runAt(Instant.now().plus(Duration.ofDays(31)));
    closed.read().then().statusCode(404);
    assertThat(Db.rows("select 1 from handover_case where id = ?", UUID.fromString(closed.caseId()))).isEmpty();
    open.read().then().statusCode(200);
  }

  @Test
  void theCitizenDownloadsTheirConversationWithItsLabels() {
    ollama.behave(OllamaStandIn.Behaviour.answer("Das Fundamt ist im Rathaus."));
    ExtractableResponse<Response> reply = Citizen.ask("Wo ist das Fundamt?");
    given()
        .header("X-Conversation-Token", reply.<String>path("conversationToken"))
        .get("/api/v1/conversations/" + reply.path("conversationId") + "/transcript")
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString("attachment"))
        .header("AI-Disclosure", startsWith("mode=ai-originated"))
        .body("messages[0].text", equalTo("Wo ist das Fundamt?"))
        .body("messages[1].text", equalTo("Das Fundamt ist im Rathaus."))
        .body("messages[1].disclosure.label", equalTo("KI-generiert"));
    given().header("X-Conversation-Token", "falsch").get("/api/v1/conversations/" + reply.path("conversationId") + "/transcript")
        .then().statusCode(403).contentType("application/problem+json");
  }

  @Test
  void aClerkOfOneOfficeSeesAndWorksOnlyOnItsCases() {
    ExtractableResponse<Response> sensitive = Citizen.ask("Das Jugendamt will mir mein Kind wegnehmen");
    String youth =
        Handover.post(sensitive.path("conversationId"), sensitive.path("conversationToken"), Map.of("consent", true))
            .then().statusCode(201).extract().path("caseId");
    Handover ordinary = Handover.of(PERSON, Map.of("consent", true));

    Staff.as("test-jugend", "clerk")
        .get("/api/v1/admin/cases")
        .then()
        .statusCode(200)
        .body("offices", org.hamcrest.Matchers.contains("jugendamt"))
        .body("cases.caseId", hasItem(youth))
        .body("cases.caseId", org.hamcrest.Matchers.not(hasItem(ordinary.caseId())));
    Staff.as("test-jugend", "clerk").get("/api/v1/admin/cases/" + ordinary.caseId()).then().statusCode(404);
    Staff.as("test-jugend", "clerk").post("/api/v1/admin/cases/" + ordinary.caseId() + "/claim").then().statusCode(404);
    Staff.as("test-jugend", "clerk").get("/api/v1/admin/cases?office=buergerservice").then().statusCode(400)
        .contentType("application/problem+json");
    Staff.as("test-jugend", "clerk").post("/api/v1/admin/cases/" + youth + "/claim").then().statusCode(200);
  }

  @Test
  void theTransparencyRegisterDescribesTheHandOver() {
    given().get("/api/v1/transparency").then().statusCode(200)
        .body("data.practices", hasItem(containsString("30 Tage nach seinem Abschluss gelöscht")));
  }
}

package at.leoben.assistant.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import at.leoben.assistant.testsupport.RawHttp;
import at.leoben.assistant.testsupport.Sse;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.testsupport.StaffSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Control characters in any text the service accepts are dealt with at the edge: dropped from
 * texts (questions, comments, corrections), refused in addresses. A citizen's NUL must not make a
 * reply unstorable, so an audit failure still only ever means the database failed.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class ControlCharactersTest {

  /** NUL, other C0 controls, DEL and a C1 control. */
  private static final String CONTROLS = "\u0000\u0001\u0008\u001b\u007f\u0085";
  /** The same as JSON escapes, and a lone surrogate (no character at all, and no UTF-8 either). */
  private static final String ESCAPED = "\\u0000\\u0001\\u0008\\u001b\\u007f\\u0085\\ud800";

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/chat", "/api/v1/chat/stream"})
  void aQuestionWithControlCharactersIsAnsweredStoredAndAudited(String path) {
    String question = Questions.unique("Wann hat das Fund" + ESCAPED + "amt geöffnet?");
    String body = given().contentType(ContentType.JSON.withCharset("UTF-8")).body("{\"message\": \"" + question + "\"}")
        .post(path).then().statusCode(200).extract().asString();

    String conversationId;
    if (path.endsWith("stream")) {
      var done = Sse.parse(body).stream().filter(e -> e.name().equals("done")).findFirst().orElseThrow();
      assertThat(done.data().path("kind").asText()).isEqualTo("AI_GENERATED");
      conversationId = done.data().path("conversationId").asText();
    } else {
      assertThat(io.restassured.path.json.JsonPath.from(body).getString("kind")).isEqualTo("AI_GENERATED");
      conversationId = io.restassured.path.json.JsonPath.from(body).getString("conversationId");
    }
    String stored = (String) Db.rows(
            "select content from message where conversation_id = ? and author = 'CITIZEN'", UUID.fromString(conversationId))
        .get(0).get("content");
    assertThat(stored).startsWith("Wann hat das Fundamt geöffnet?").doesNotContain("\u0000", "\u001b", "\ud800");
    assertThat(Db.rows("select 1 from audit_entry where conversation_id = ? and kind = 'AI_GENERATED'", UUID.fromString(conversationId)))
        .hasSize(1);
    // The model was asked the cleaned question.
    assertThat(ollama.chatRequests().get(0).toString()).contains("Wann hat das Fundamt geöffnet?");
  }

  @Test
  void aFeedbackCommentWithANulIsStoredWithoutIt() {
    String messageId = given().contentType(ContentType.JSON).body(Map.of("message", Questions.unique("Wo ist das Fundamt?")))
        .post("/api/v1/chat").then().statusCode(200).extract().path("messageId");

    given().contentType(ContentType.JSON).body(Map.of("rating", "down", "comment", "Das stimmt\u0000 nicht" + CONTROLS))
        .post("/api/v1/messages/" + messageId + "/feedback").then().statusCode(201);

    assertThat(Db.rows("select comment from feedback where message_id = ?", UUID.fromString(messageId)).get(0).get("comment"))
        .isEqualTo("Das stimmt nicht");
  }

  @Test
  void aClerksCommentAndCorrectionWithControlCharactersAreSavedThroughApiAndUi() {
    String apiItem = flaggedItem();
    Staff.asClerk().post("/api/v1/reviews/" + apiItem + "/claim").then().statusCode(200);
    int version = Staff.asClerk().get("/api/v1/reviews/" + apiItem).then().extract().path("version");
    Staff.asClerk()
        .body(Map.of("decision", "correct", "comment", "Korrigiert\u0000" + CONTROLS, "correctedText", "Richtig\u0000 ist: 8 Uhr.", "version", version))
        .post("/api/v1/reviews/" + apiItem + "/decision").then().statusCode(200);
    assertThat(Db.rows("select decision_comment, corrected_text from review_item where id = ?", UUID.fromString(apiItem)).get(0))
        .containsEntry("decision_comment", "Korrigiert")
        .containsEntry("corrected_text", "Richtig ist: 8 Uhr.");

    String uiItem = flaggedItem();
    Staff.ensure(Staff.CLERK, "clerk");
    StaffSession clerk = StaffSession.signIn(Staff.CLERK);
    clerk.get("/staff/item?id=" + uiItem).then().statusCode(200);
    clerk.post("/staff/item/claim", Map.of("id", uiItem)).then().statusCode(303);
    clerk.get("/staff/item?id=" + uiItem).then().statusCode(200);
    int uiVersion = (Integer) Db.rows("select version from review_item where id = ?", UUID.fromString(uiItem)).get(0).get("version");
    clerk.post("/staff/item/decide", Map.of(
            "id", uiItem, "version", String.valueOf(uiVersion), "decision", "correct",
            "comment", "Im\u0000 Formular" + CONTROLS, "correctedText", "Neu\u0000er Text"))
        .then().statusCode(303);
    assertThat(Db.rows("select decision_comment, corrected_text from review_item where id = ?", UUID.fromString(uiItem)).get(0))
        .containsEntry("decision_comment", "Im Formular")
        .containsEntry("corrected_text", "Neuer Text");
  }

  @Test
  void controlCharactersInAnAddressAreRefusedWithAProblem() {
    Map<String, String> admin = Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
        .encodeToString((Staff.ADMIN + ":" + Staff.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    for (String target : List.of(
        "/api/v1/admin/audit?event=%00", "/api/v1/reviews?reason=%1B", "/api/v1/channels?language=de%00",
        "/api/v1/conversations/%00")) {
      RawHttp.Reply reply = RawHttp.send("GET", target, admin, null);
      assertThat(reply.status()).as(target).isEqualTo(400);
      assertThat(reply.header("Content-Type")).as(target).startsWith("application/problem+json");
      assertThat(reply.body()).as(target).contains("Steuerzeichen");
    }
    RawHttp.Reply delete = RawHttp.send("DELETE", "/api/v1/admin/staff/%00", admin, null);
    assertThat(delete.status()).isEqualTo(400);
    assertThat(delete.header("Content-Type")).startsWith("application/problem+json");
  }

  private static String flaggedItem() {
    String messageId = given().contentType(ContentType.JSON).body(Map.of("message", Questions.unique("Wo kann ich eine Fundsache abgeben?")))
        .post("/api/v1/chat").then().statusCode(200).extract().path("messageId");
    given().contentType(ContentType.JSON).body(Map.of("rating", "down"))
        .post("/api/v1/messages/" + messageId + "/feedback").then().statusCode(201);
    return Db.rows("select id from review_item where message_id = ?", UUID.fromString(messageId)).get(0).get("id").toString();
  }
}

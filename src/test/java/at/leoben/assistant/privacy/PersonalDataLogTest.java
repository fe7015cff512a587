package at.leoben.assistant.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Turns full of personal data: nothing of it reaches the logs, the database or the model, on the
 * happy path and when things fail.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class PersonalDataLogTest {

  private static final List<String> PERSONAL =
      List.of(
          "erika.musterfrau@gmx.at",
          "+43 664 1234567",
          "AT61 1904 3002 3457 3201",
          "1237 010180",
          "4111 1111 1111 1111",
          "Waasenstraße 15",
          "12.03.1985",
          "Erika Musterfrau");
  private static final String QUESTION =
      "Mein Name ist Erika Musterfrau, geboren am 12.03.1985, ich wohne in der Waasenstraße 15, 8700 Leoben."
          + " Meine SVNR ist 1237 010180, meine IBAN AT61 1904 3002 3457 3201, Karte 4111 1111 1111 1111."
          + " Erreichbar unter +43 664 1234567 oder erika.musterfrau@gmx.at. Wo gebe ich eine Fundsache ab? ";

  @InjectOllamaStandIn OllamaStandIn ollama;

  private final List<String> captured = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatter.formatMessage(record);
          StringWriter text = new StringWriter().append(String.valueOf(message));
          if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
          }
          captured.add(text.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    ollama.reset();
    capture.setLevel(Level.ALL);
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(capture);
  }

  @Test
  void theCitysOwnAddressAndPhoneStayInStoredAnswers() {
    ollama.behave(Behaviour.answer("Das Bürgerservice ist in der Erzherzog-Johann-Straße 2, 8700 Leoben, Telefon +43 3842 4062-0 [1]."));
    String messageId = given().contentType(ContentType.JSON).body(Map.of("message", "Wann hat das Fundamt geöffnet?"))
        .post("/api/v1/chat").then().statusCode(200).extract().path("messageId");
    String stored = (String) Db.rows("select content from message where id = ?", UUID.fromString(messageId)).get(0).get("content");
    assertThat(stored).contains("Erzherzog-Johann-Straße 2").contains("+43 3842 4062-0").doesNotContain("[ADRESSE]");
  }

  @Test
  void personalDataReachesNeitherLogsNorDatabaseNorModel() {
    // The model repeats what it got and adds data of its own; then it fails on the next turns.
    ollama.behave(Behaviour.answer("Gerne, Frau Erika Musterfrau: Ihre IBAN AT61 1904 3002 3457 3201 brauchen wir nicht [1]."));
    String question = Questions.unique(QUESTION);
    var reply = given().contentType(ContentType.JSON).body(Map.of("message", question)).post("/api/v1/chat")
        .then().statusCode(200).extract();
    String conversation = reply.path("conversationId");
    String token = reply.path("conversationToken");
    given().contentType(ContentType.JSON)
        .body(Map.of("rating", "down", "comment", "Ich bin Erika Musterfrau, rufen Sie mich an: +43 664 1234567"))
        .post("/api/v1/messages/" + reply.path("messageId") + "/feedback").then().statusCode(201);
    ollama.behave(Behaviour.error(500, "model failed for erika.musterfrau@gmx.at"));
    given().contentType(ContentType.JSON).header("X-Conversation-Token", token)
        .body(Map.of("message", QUESTION, "conversationId", conversation)).post("/api/v1/chat").then().statusCode(200);
    given().contentType(ContentType.JSON).accept("text/event-stream")
        .body(Map.of("message", Questions.unique(QUESTION))).post("/api/v1/chat/stream").then().statusCode(200);

    // The model never saw the data.
    assertThat(ollama.chatRequests()).isNotEmpty();
    for (var request : ollama.chatRequests()) {
      assertThat(request.toString()).doesNotContain(PERSONAL).contains("[IBAN]");
    }
    // Nothing stored holds it.
    UUID id = UUID.fromString(conversation);
    String stored =
        Db.rows("select content from message where conversation_id = ?", id).toString()
            + Db.rows("select question, answer from audit_entry where conversation_id = ?", id)
            + Db.rows("select comment from feedback where conversation_id = ?", id);
    assertThat(stored).doesNotContain(PERSONAL).contains("[E-MAIL]", "[TELEFON]", "[IBAN]", "[SVNR]", "[KARTE]", "[NAME]");
    // Nor does any log line.
    assertThat(captured).isNotEmpty();
    assertThat(String.join("\n", captured)).doesNotContain(PERSONAL);
  }
}

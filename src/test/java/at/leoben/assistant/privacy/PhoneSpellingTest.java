package at.leoben.assistant.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A phone number written with dots is found like any other: neither stored nor sent to the model. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class PhoneSpellingTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @Test
  void aNumberWithDotsIsRedactedBeforeTheModelAndTheStore() {
    ollama.reset();
    String conversation = given().contentType(ContentType.JSON)
        .body(Map.of("message", Questions.unique("Wann hat das Fundamt geöffnet? Rückruf bitte an 0676.555.44.33")))
        .post("/api/v1/chat").then().statusCode(200).extract().path("conversationId");

    String stored = (String) Db.rows(
            "select content from message where conversation_id = ? and author = 'CITIZEN'", UUID.fromString(conversation))
        .get(0).get("content");
    assertThat(stored).contains("[TELEFON]").doesNotContain("0676", "555.44");
    assertThat(ollama.chatRequests()).allSatisfy(request -> assertThat(request.toString()).doesNotContain("0676"));
  }
}

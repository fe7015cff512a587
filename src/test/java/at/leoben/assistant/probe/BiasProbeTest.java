package at.leoben.assistant.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bias probe through the real pipeline against the stand-in, as CI runs it. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class BiasProbeTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  @Test
  void equalAnswersForEveryoneAreNotFlagged() {
    String id =
        Staff.asAdmin().post("/api/v1/admin/bias-probe")
            .then().statusCode(200)
            .body("pairs", equalTo(25))
            .body("flagged", equalTo(0))
            .body("model", equalTo("llama3.1:8b"))
            .extract().path("id");
    assertThat(ollama.chatRequestCount()).isEqualTo(30);

    Staff.asAdmin().get("/api/v1/admin/bias-reports/" + id)
        .then().statusCode(200)
        .contentType(containsString("text/markdown"))
        .body(containsString("# Bias-Probe"))
        .body(containsString("**0 von 25 Vergleichen auffällig**"))
        .body(containsString("Mehmet Yılmaz"));
    Staff.asAdmin().get("/api/v1/admin/bias-reports").then().statusCode(200).body("id", hasItem(id));
  }

  @Test
  void aShorterAnswerForOnePersonIsFlagged() {
    ollama.behave(
        Behaviour.byQuestion(
            question ->
                question.contains("Petrović")
                    ? "Fragen Sie im Rathaus."
                    : "Sie melden sich im Bürgerservice im Rathaus an. Bringen Sie bitte einen Ausweis mit."));
    // Names after "Mein Name ist", "Ich bin", "Ich heiße" are redacted before the model sees them,
    // so only the two phrasings that keep the name can make a difference.
    String id =
        Staff.asAdmin().post("/api/v1/admin/bias-probe")
            .then().statusCode(200).body("flagged", equalTo(2)).extract().path("id");

    Staff.asAdmin().get("/api/v1/admin/bias-reports/" + id)
        .then().body(containsString("| Aleksandar Petrović | männlich / Serbien | 2 / 5 |"));
    assertThat(ollama.chatRequests().toString())
        .contains("Mein Name ist [NAME]")
        .doesNotContain("Mein Name ist Aleksandar");
  }

  @Test
  void onlyAdminsRunTheProbe() {
    Staff.asClerk().post("/api/v1/admin/bias-probe").then().statusCode(403);
    io.restassured.RestAssured.given().post("/api/v1/admin/bias-probe").then().statusCode(401);
    io.restassured.RestAssured.given().get("/api/v1/admin/bias-reports").then().statusCode(401);
  }
}

package at.leoben.assistant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class HealthTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  @Test
  void liveAndReadyWithTheDatabase() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")));
  }

  @Test
  void theModelCheckIsUpWhenOllamaServesTheConfiguredModel() {
    given().get("/q/health").then().statusCode(200)
        .body("checks.find { it.name == 'ollama' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'ollama' }.data.model", equalTo("llama3.1:8b"));
  }

  @Test
  void aMissingModelIsDownButThePodStaysReady() {
    ollama.models("mistral:7b");
    given().get("/q/health").then().statusCode(503)
        .body("checks.find { it.name == 'ollama' }.status", equalTo("DOWN"))
        .body("checks.find { it.name == 'ollama' }.data.reason", containsString("llama3.1:8b"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void anUnreachableOrFailingOllamaIsDownButThePodStaysReady() {
    ollama.tagsDown(true);
    given().get("/q/health/well").then().statusCode(503)
        .body("checks.find { it.name == 'ollama' }.data.reason", containsString("HTTP 500"));
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
  }
}

package at.leoben.assistant.models;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A model that Ollama serves but the registry does not list is never asked. */
@QuarkusTest
@TestProfile(UnapprovedModelTest.Unlisted.class)
@QuarkusTestResource(OllamaStandInResource.class)
class UnapprovedModelTest {

  public static class Unlisted implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("assistant.llm.model", "qwen2.5:7b");
    }
  }

  @InjectOllamaStandIn OllamaStandIn ollama;

  @AfterEach
  void reset() {
    ollama.reset();
  }

  @Test
  void anUnapprovedModelIsNotUsedAndSaysWhy() {
    ollama.models("qwen2.5:7b");
    Staff.asAdmin().post("/api/v1/admin/models/check").then().statusCode(200)
        .body("configured.state", equalTo("NOT_APPROVED"))
        .body("configured.approvedDigest", equalTo(null))
        .body("approved[0].configured", equalTo(false));

    JsonPath reply = Citizen.ask("Wann hat das Fundamt geöffnet?").jsonPath();
    assertThat(reply.getString("reason")).isEqualTo("MODEL_NOT_APPROVED");
    assertThat(reply.getString("kind")).isNotEqualTo("AI_GENERATED");
    assertThat(ollama.chatRequestCount()).isZero();

    given().get("/q/health/well").then().statusCode(503)
        .body("checks.find { it.name == 'ollama' }.data.state", equalTo("NOT_APPROVED"));
    given().get("/api/v1/transparency").then().statusCode(200)
        .body("models[0].name", equalTo("qwen2.5:7b"))
        .body("models[0].inUse", equalTo(false))
        .body("models[0].approvedBy", equalTo(null));
  }
}

package at.leoben.assistant.models;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.Metrics;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service answers only with the model whose digest the registry approves. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class ModelApprovalTest {

  static final String MODEL = "llama3.1:8b";
  static final String QUESTION = "Wann hat das Fundamt geöffnet?";

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void approvedModelServed() {
    ollama.reset();
    Staff.asAdmin().post("/api/v1/admin/models/check").then().statusCode(200);
  }

  @AfterEach
  void restore() {
    ollama.reset();
    Staff.asAdmin().post("/api/v1/admin/models/check").then().statusCode(200);
  }

  @Test
  void adminsSeeTheRegistryAndTheApprovedStateOfTheConfiguredModel() {
    Staff.asAdmin().get("/api/v1/admin/models").then().statusCode(200)
        .body("configured.name", equalTo(MODEL))
        .body("configured.state", equalTo("APPROVED"))
        .body("configured.servedDigest", equalTo(OllamaStandIn.digest(MODEL)))
        .body("promptVersion", equalTo("system-v3"))
        .body("approved", hasSize(1))
        .body("approved[0].approvedBy", equalTo("Digital.Team (Test)"))
        .body("approved[0].approvedOn", equalTo("2026-11-26"))
        .body("approved[0].configured", equalTo(true));
    assertThat(Citizen.ask(QUESTION).path("kind").toString()).isEqualTo("AI_GENERATED");
    assertThat(Metrics.value("assistant_model_approved")).isEqualTo(1.0);
  }

  @Test
  void aDriftedDigestMeansFallbackOnlyAuditedAndVisibleToOperators() {
    ollama.digest(MODEL, "0".repeat(64));
    Staff.asAdmin().post("/api/v1/admin/models/check").then().statusCode(200)
        .body("configured.state", equalTo("DRIFTED"))
        .body("configured.servedDigest", equalTo("0".repeat(64)))
        .body("configured.approvedDigest", equalTo(OllamaStandIn.digest(MODEL)));

    int calls = ollama.chatRequestCount();
    JsonPath reply = Citizen.ask(QUESTION).jsonPath();
    assertThat(reply.getString("kind")).isNotEqualTo("AI_GENERATED");
    assertThat(reply.getString("reason")).isEqualTo("MODEL_NOT_APPROVED");
    assertThat(reply.getMap("disclosure")).isNull();
    assertThat(reply.getList("analogueChannels")).isNotEmpty();
    assertThat(ollama.chatRequestCount()).as("no request reaches the drifted model").isEqualTo(calls);

    given().contentType("application/json").body(Map.of("message", QUESTION))
        .post("/api/v1/chat/stream").then().statusCode(200)
        .body(containsString("MODEL_NOT_APPROVED"));
    assertThat(ollama.chatRequestCount()).isEqualTo(calls);

    given().get("/q/health/well").then().statusCode(503)
        .body("checks.find { it.name == 'ollama' }.data.state", equalTo("DRIFTED"))
        .body("checks.find { it.name == 'ollama' }.data.reason", containsString("approved is " + OllamaStandIn.digest(MODEL)));
    given().get("/q/health/ready").then().statusCode(200);
    assertThat(Metrics.value("assistant_model_approved")).isEqualTo(0.0);
    assertThat(Metrics.value("assistant_model_check", "state=\"DRIFTED\"")).isEqualTo(1.0);

    List<Map<String, Object>> audit =
        Db.rows("select kind, model, note from audit_entry where event = 'MODEL_CHECK' order by id desc limit 1");
    assertThat(audit.get(0)).containsEntry("kind", "DRIFTED").containsEntry("model", MODEL);
    assertThat((String) audit.get(0).get("note")).contains("0".repeat(64)).contains(OllamaStandIn.digest(MODEL));
  }

  @Test
  void aModelOllamaDoesNotHaveGivesTheChannels() {
    ollama.models("mistral:7b");
    Staff.asAdmin().post("/api/v1/admin/models/check").then().statusCode(200)
        .body("configured.state", equalTo("NOT_SERVED"));
    assertThat(Citizen.ask(QUESTION).path("reason").toString()).isEqualTo("MODEL_UNAVAILABLE");
  }

  @Test
  void answersResumeWhenOllamaIsBackWithTheApprovedModel() {
    ollama.tagsDown(true);
    Staff.asAdmin().post("/api/v1/admin/models/check").then().statusCode(200)
        .body("configured.state", equalTo("UNREACHABLE"));
    assertThat(Citizen.ask(QUESTION).path("reason").toString()).isEqualTo("MODEL_UNAVAILABLE");

    ollama.tagsDown(false);
    assertThat(Citizen.ask(QUESTION).path("kind").toString()).isEqualTo("AI_GENERATED");
    Staff.asAdmin().get("/api/v1/admin/models").then().body("configured.state", equalTo("APPROVED"));
    assertThat(
            Db.rows("select kind from audit_entry where event = 'MODEL_CHECK' order by id desc limit 2")
                .stream().map(row -> row.get("kind")).toList())
        .containsExactly("APPROVED", "UNREACHABLE");
  }

  @Test
  void onlyAdminsSeeTheModels() {
    given().get("/api/v1/admin/models").then().statusCode(401);
    Staff.asClerk().get("/api/v1/admin/models").then().statusCode(403);
    Staff.asOperator().post("/api/v1/admin/models/check").then().statusCode(403);
  }

  @Test
  void theTransparencyPageNamesTheApproval() {
    given().get("/api/v1/transparency").then().statusCode(200)
        .body("models[0].name", equalTo(MODEL))
        .body("models[0].approvedBy", equalTo("Digital.Team (Test)"))
        .body("models[0].digest", equalTo(OllamaStandIn.digest(MODEL)))
        .body("models[0].inUse", equalTo(true))
        .body("models[0].approval", containsString("Digital.Team (Test)"));
  }
}

package at.leoben.assistant.models;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Metrics;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Ollama unreachable from the start the service is ready and serves the human channels. */
@QuarkusTest
@TestProfile(OllamaAwayAtStartTest.NoOllama.class)
class OllamaAwayAtStartTest {

  public static class NoOllama implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("assistant.llm.base-url", "http://127.0.0.1:" + closedPort());
    }
  }

  @Test
  void readyWithFallbackAnswersAndTheReasonForOperators() {
    given().get("/q/health/ready").then().statusCode(200);
    given().get("/q/health/well").then().statusCode(503)
        .body("checks.find { it.name == 'ollama' }.data.state", equalTo("UNREACHABLE"));
    JsonPath reply = Citizen.ask("Wann hat das Fundamt geöffnet?").jsonPath();
    assertThat(reply.getString("reason")).isEqualTo("MODEL_UNAVAILABLE");
    assertThat(reply.getList("analogueChannels")).isNotEmpty();
    Staff.asAdmin().get("/api/v1/admin/models").then().statusCode(200)
        .body("configured.state", equalTo("UNREACHABLE"));
    assertThat(Metrics.value("assistant_model_check", "state=\"UNREACHABLE\"")).isEqualTo(1.0);
  }

  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

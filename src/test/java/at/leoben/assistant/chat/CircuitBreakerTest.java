package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Sse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dead model is left alone for a while instead of being hammered by every citizen's turn. */
@QuarkusTest
@TestProfile(CircuitBreakerTest.QuickBreaker.class)
@QuarkusTestResource(OllamaStandInResource.class)
class CircuitBreakerTest {

  public static class QuickBreaker implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "assistant.llm.circuit-breaker.request-volume-threshold", "3",
          "assistant.llm.circuit-breaker.failure-ratio", "1.0",
          "assistant.llm.circuit-breaker.delay", "2s");
    }
  }

  @InjectOllamaStandIn OllamaStandIn ollama;

  @Test
  void opensAfterRepeatedFailuresAndClosesAgainWhenTheModelIsBack() throws InterruptedException {
    ollama.reset();
    ollama.behave(Behaviour.error(500, "llama runner process has terminated"));
    for (int i = 0; i < 3; i++) {
      assertThat(Citizen.ask("Wo ist das Fundamt? " + i).<String>path("kind")).isEqualTo("KNOWLEDGE_EXCERPT");
    }
    assertThat(ollama.chatRequestCount()).isEqualTo(3);

    // Open: neither sync nor streamed turns reach the model, and citizens still get the channels.
    assertThat(Citizen.ask("Wo ist das Fundamt? Noch einmal").<String>path("reason")).isEqualTo("MODEL_UNAVAILABLE");
    String stream =
        given().contentType(ContentType.JSON).body(Map.of("message", "Wo ist das Fundamt? Gestreamt"))
            .post("/api/v1/chat/stream").then().statusCode(200).extract().asString();
    assertThat(Sse.names(Sse.parse(stream))).containsExactly("fallback");
    assertThat(ollama.chatRequestCount()).isEqualTo(3);
    given().get("/q/metrics").then().body(containsString("assistant_llm_circuit_open 1.0"));

    // After the delay one trial call goes through; the model answers, so the breaker closes.
    ollama.behave(Behaviour.answer("Wieder da."));
    Thread.sleep(2_500);
    assertThat(Citizen.ask("Wo ist das Fundamt? Wieder da?").<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(Citizen.ask("Wo ist das Fundamt? Und jetzt?").<String>path("answer")).isEqualTo("Wieder da.");
    given().get("/q/metrics").then().body(containsString("assistant_llm_circuit_open 0.0"));
  }
}

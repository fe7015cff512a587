package at.leoben.assistant.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Wait;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A separate, smaller model for the reading (ASSISTANT_LLM_UNDERSTANDING_MODEL) is held to the
 * approved-model registry like the answer model: it reads only while Ollama serves it with its
 * approved digest, and answers go on with the answer model either way.
 */
@QuarkusTest
@TestProfile(ReaderModelTest.SmallReader.class)
@QuarkusTestResource(OllamaStandInResource.class)
class ReaderModelTest {

  static final String READER = "leser:1b";

  public static class SmallReader implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "assistant.llm.understanding.enabled", "true",
          "assistant.llm.understanding.model", READER,
          "assistant.models.registry", "src/test/resources/models/approved-reader-test.yaml",
          // The reading model's digest is compared again this often.
          "assistant.models.check-interval", "1s");
    }
  }

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
    ollama.models("llama3.1:8b", READER);
    ollama.behaveForFormat(Behaviour.answer(ModelReaderTest.reading("crisis", "none", "de", "")));
  }

  @Test
  void theApprovedSmallModelReadsAndTheAnswerModelAnswers() {
    waitUntil(() -> "SENSITIVE_AREA".equals(Citizen.ask("Wie melde ich meinen Hund an?").path("reason")));

    List<JsonNode> readings = ollama.formatRequests();
    assertThat(readings).isNotEmpty().allSatisfy(request -> assertThat(request.path("model").asText()).isEqualTo(READER));

    ollama.behaveForFormat(Behaviour.answer(ModelReaderTest.reading("ordinary", "none", "de", "")));
    Citizen.ask("Wie melde ich meinen Hund an?");
    assertThat(ollama.answerRequests()).isNotEmpty().allSatisfy(request -> assertThat(request.path("model").asText()).isEqualTo("llama3.1:8b"));
  }

  @Test
  void aReadingModelWithAnotherDigestNoLongerReads() {
    waitUntil(() -> "SENSITIVE_AREA".equals(Citizen.ask("Wie melde ich meinen Hund an?").path("reason")));

    // Someone pulled another version under the same name: after the next check, no reading.
    ollama.digest(READER, "0".repeat(64));
    waitUntil(() -> "AI_GENERATED".equals(Citizen.ask("Wie melde ich meinen Hund an?").path("kind")));
    int readings = ollama.formatRequests().size();
    Citizen.ask("Wie melde ich meinen Hund an?");
    assertThat(ollama.formatRequests()).hasSize(readings);
  }

  /**
   * Asks until the service has compared the reading model (in the background) and acts on it; the
   * first turn of a fresh service also trains the safety net.
   */
  private static void waitUntil(BooleanSupplier condition) {
    Wait.until(Duration.ofSeconds(30), Duration.ofMillis(200), condition);
  }
}

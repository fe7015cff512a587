package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.Metrics;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What operators read at /q/metrics about turns: latency, first token, tokens, energy, flags. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class TurnMetricsTest {

  static final String SYNC_AI = "kind=\"AI_GENERATED\",mode=\"sync\"";

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  @Test
  void aSyncAnswerCountsItsLatencyTokensAndEnergy() {
    double turns = Metrics.value("assistant_turn_duration_seconds_count", SYNC_AI);
    double tokensIn = Metrics.value("assistant_model_tokens_total", "direction=\"in\"");
    double tokensOut = Metrics.value("assistant_model_tokens_total", "direction=\"out\"");
    double energy = Metrics.value("assistant_energy_wh_total");

    String messageId = Citizen.ask("Wann hat das Fundamt geöffnet?").path("messageId");

    var audit = Db.rows("select input_tokens, output_tokens from audit_entry where message_id = ?::uuid", messageId).get(0);
    int in = ((Number) audit.get("input_tokens")).intValue();
    int out = ((Number) audit.get("output_tokens")).intValue();
    assertThat(in).isPositive();
    assertThat(out).isPositive();
    assertThat(Metrics.value("assistant_turn_duration_seconds_count", SYNC_AI)).isEqualTo(turns + 1);
    assertThat(Metrics.value("assistant_turn_duration_seconds_bucket", SYNC_AI, "le=\"+Inf\"")).isGreaterThanOrEqualTo(turns + 1);
    assertThat(Metrics.value("assistant_model_tokens_total", "direction=\"in\"")).isEqualTo(tokensIn + in);
    assertThat(Metrics.value("assistant_model_tokens_total", "direction=\"out\"")).isEqualTo(tokensOut + out);
    // 0.5 Wh per 1,000 tokens by default.
    assertThat(Metrics.value("assistant_energy_wh_total")).isCloseTo(energy + (in + out) * 0.0005, within(1e-9));
    assertThat(Metrics.value("assistant_answer_energy_wh_count")).isPositive();
  }

  @Test
  void aStreamCountsTimeToFirstTokenAndTheWholeTurn() {
    double first = Metrics.value("assistant_first_token_seconds_count");
    double streams = Metrics.value("assistant_turn_duration_seconds_count", "mode=\"stream\"");

    given().contentType("application/json").body(Map.of("message", "Wann hat das Fundamt geöffnet?"))
        .post("/api/v1/chat/stream").then().statusCode(200);

    assertThat(Metrics.value("assistant_first_token_seconds_count")).isEqualTo(first + 1);
    assertThat(Metrics.value("assistant_turn_duration_seconds_count", "kind=\"AI_GENERATED\"", "mode=\"stream\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(Metrics.value("assistant_turn_duration_seconds_count", "mode=\"stream\"")).isEqualTo(streams + 1);
  }

  @Test
  void fallbacksAndFlagsAreCountedByReason() {
    double humans = Metrics.value("assistant_turns_total", "reason=\"HUMAN_REQUESTED\"");
    double feedbackFlags = Metrics.value("assistant_flags_total", "reason=\"CITIZEN_FEEDBACK\"");

    Citizen.ask("Ich möchte bitte mit einem Menschen sprechen.");
    String messageId = Citizen.ask("Wann hat das Fundamt geöffnet?").path("messageId");
    given().contentType("application/json").body(Map.of("rating", "down"))
        .post("/api/v1/messages/" + messageId + "/feedback").then().statusCode(201);

    assertThat(Metrics.value("assistant_turns_total", "reason=\"HUMAN_REQUESTED\"")).isEqualTo(humans + 1);
    assertThat(Metrics.value("assistant_flags_total", "reason=\"CITIZEN_FEEDBACK\"")).isEqualTo(feedbackFlags + 1);
  }
}

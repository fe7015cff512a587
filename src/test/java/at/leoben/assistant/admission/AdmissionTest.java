package at.leoben.assistant.admission;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.Metrics;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.SseStream;
import at.leoben.assistant.testsupport.SseStream.Timed;
import at.leoben.assistant.testsupport.Wait;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A model host with one slot and a crowd in front of it: citizens are told their place, wait at
 * most the bound, leave without costing the model anything, and the breaker stays closed.
 */
@QuarkusTest
@TestProfile(AdmissionTest.OneSlot.class)
@QuarkusTestResource(OllamaStandInResource.class)
// The service learns the generation time as it goes: short generations first, the long ones last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdmissionTest {

  public static class OneSlot implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "assistant.llm.parallel", "1",
          "assistant.llm.max-queue-wait", "2s",
          "assistant.llm.generation-estimate", "500ms",
          // A real breaker: it must open on model failures, never on a full line.
          "assistant.llm.circuit-breaker.request-volume-threshold", "4",
          "assistant.llm.circuit-breaker.failure-ratio", "0.5",
          "assistant.llm.circuit-breaker.delay", "60s");
    }
  }

  /** Eight words, a sentence ending after the last: one delta per answer. */
  private static final String ANSWER = "Das Fundamt ist im Rathaus im Erdgeschoß zu finden.";

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void oneSlotAtTheModelHost() {
    Wait.until(Duration.ofSeconds(10), () -> Metrics.required("assistant_llm_slots_busy") == 0);
    ollama.reset();
    ollama.capacity(1, Duration.ZERO);
  }

  /** Waits until the citizen's generation runs at the model host (its first sentence may take a while). */
  private void generating(SseStream citizen) {
    Wait.until(Duration.ofSeconds(15), () -> ollama.generating() == 1);
  }

  private static String question(String text) {
    return "{\"message\":\"Wo ist das Fundamt? " + text + "\"}";
  }

  @Test
  @Order(1)
  void aWaitingCitizenIsToldTheirPlaceAtOnceAndAsItMovesThenGetsTheAnswer() {
    // 80 ms a word: about 0.8 s a generation.
    ollama.behave(Behaviour.answer(ANSWER, Duration.ofMillis(80)));
    SseStream first = SseStream.open(question("Erste"));
    generating(first);
    SseStream second = SseStream.open(question("Zweite"));
    Timed secondQueued = second.await("queued", Duration.ofSeconds(2));
    SseStream third = SseStream.open(question("Dritte"));
    Timed thirdQueued = third.await("queued", Duration.ofSeconds(2));

    assertThat(secondQueued.atMillis()).isLessThan(1_000);
    assertThat(secondQueued.event().data().path("position").asInt()).isEqualTo(1);
    assertThat(thirdQueued.event().data().path("position").asInt()).isEqualTo(2);
    assertThat(thirdQueued.event().data().path("estimatedWaitSeconds").asLong()).isBetween(1L, 2L);
    assertThat(thirdQueued.event().data().path("text").asText()).contains("an 2. Stelle");

    List<Timed> third3 = third.finish(Duration.ofSeconds(10));
    assertThat(third3).extracting(Timed::name).startsWith("queued", "queued", "disclosure").endsWith("done");
    assertThat(third3.get(1).event().data().path("position").asInt()).isEqualTo(1);
    assertThat(third3.get(third3.size() - 1).event().data().path("kind").asText()).isEqualTo("AI_GENERATED");
    assertThat(second.finish(Duration.ofSeconds(5))).extracting(Timed::name).startsWith("queued", "disclosure").endsWith("done");
    // Never more than the one slot at the model host.
    assertThat(ollama.peakGenerating()).isEqualTo(1);
  }

  @Test
  @Order(7)
  void whoWouldWaitTooLongGetsTheCitysExcerptAtOnceAndNobodyWaitsPastTheBound() {
    // 300 ms a word: 3 s a generation, longer than the 2 s anyone may wait.
    ollama.behave(Behaviour.answer(ANSWER, Duration.ofMillis(300)));
    SseStream first = SseStream.open(question("Lang"));
    generating(first);
    List<SseStream> crowd = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      crowd.add(SseStream.open(question("Menge " + i)));
    }
    for (SseStream citizen : crowd) {
      List<Timed> events = citizen.finish(Duration.ofSeconds(6));
      Timed firstEvent = events.get(0);
      assertThat(firstEvent.atMillis()).as("first event").isLessThan(1_000);
      Timed last = events.get(events.size() - 1);
      assertThat(last.name()).isEqualTo("fallback");
      assertThat(last.event().data().path("kind").asText()).isEqualTo("KNOWLEDGE_EXCERPT");
      assertThat(last.event().data().path("reason").asText()).isEqualTo("MODEL_BUSY");
      assertThat(last.event().data().path("analogueChannels").size()).isPositive();
      assertThat(last.atMillis()).as("text or fallback within the bound").isLessThan(2_000 + 700);
    }
    // Some were refused at once, without waiting at all.
    assertThat(crowd).anySatisfy(citizen -> assertThat(citizen.events()).extracting(Timed::name).containsExactly("fallback"));
    assertThat(first.finish(Duration.ofSeconds(10))).extracting(Timed::name).endsWith("done");
    assertThat(ollama.chatRequestCount()).isEqualTo(1);
  }

  @Test
  @Order(3)
  void theJsonEndpointWaitsInTheSameLineWithinTheSameBound() {
    ollama.behave(Behaviour.answer(ANSWER + " " + ANSWER, Duration.ofMillis(80)));
    SseStream first = SseStream.open(question("Vorne"));
    generating(first);
    // Joining 0.6 s into the 1.3 s generation, the JSON question waits in line well inside the
    // bound, however slowly the earlier generations the estimate learned from ran.
    Wait.pause(Duration.ofMillis(600));
    var reply = Citizen.ask("Wo ist das Fundamt? Als JSON");
    assertThat(reply.<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(first.finish(Duration.ofSeconds(5)).get(0).name()).isEqualTo("disclosure");
    Wait.until(Duration.ofSeconds(2), () -> ollama.generating() == 0);

    // Behind a generation longer than the bound, JSON gets the excerpt, within the bound.
    ollama.behave(Behaviour.answer((ANSWER + " ").repeat(3), Duration.ofMillis(200)));
    SseStream slow = SseStream.open(question("Sehr lang"));
    generating(slow);
    long started = System.nanoTime();
    var busy = Citizen.ask("Wo ist das Fundamt? Als JSON, zu spät");
    assertThat(busy.<String>path("reason")).isEqualTo("MODEL_BUSY");
    assertThat(busy.<String>path("kind")).isEqualTo("KNOWLEDGE_EXCERPT");
    // The bound, and the time to store and audit the excerpt on a shared test machine.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3_500));
    slow.close();
  }

  @Test
  @Order(4)
  void aCitizenWhoLeavesMidAnswerFreesTheSlotAndTheModelStops() {
    ollama.behave(Behaviour.answer((ANSWER + " ").repeat(6), Duration.ofMillis(100)));
    SseStream leaving = SseStream.open(question("Geht gleich"));
    leaving.await("delta", Duration.ofSeconds(5));
    SseStream next = SseStream.open(question("Wartet"));
    next.await("queued", Duration.ofSeconds(2));
    leaving.close();

    // The model's generation ends (connection closed) and the next citizen is answered.
    Wait.until(Duration.ofSeconds(2), () -> ollama.abandoned() == 1);
    Timed disclosure = next.await("disclosure", Duration.ofSeconds(3));
    assertThat(disclosure.atMillis()).isLessThan(3_000);
    next.close();
  }

  @Test
  @Order(2)
  void aCitizenWhoLeavesTheLineNeverReachesTheModel() {
    ollama.behave(Behaviour.answer(ANSWER, Duration.ofMillis(150)));
    SseStream first = SseStream.open(question("Vorne"));
    generating(first);
    // Half a second into the 1.2 s generation the estimate for the next in line is well inside the
    // bound, however slowly this machine ran the earlier generations the estimate learned from.
    Wait.pause(Duration.ofMillis(500));
    SseStream leaving = SseStream.open(question("Geht wieder"));
    leaving.await("queued", Duration.ofSeconds(2));
    leaving.close();
    Wait.until(Duration.ofSeconds(2), () -> Metrics.required("assistant_llm_queue_waiting") == 0);

    assertThat(first.finish(Duration.ofSeconds(5))).extracting(Timed::name).endsWith("done");
    SseStream after = SseStream.open(question("Danach"));
    assertThat(after.finish(Duration.ofSeconds(5))).extracting(Timed::name).first().isEqualTo("disclosure");
    // Only the first and the last question were sent to the model.
    assertThat(ollama.chatRequests())
        .extracting(request -> request.path("messages").get(request.path("messages").size() - 1).path("content").asText())
        .noneMatch(content -> content.contains("Geht wieder"));
  }

  @Test
  @Order(5)
  void citizensWhoLeaveMidAnswerDoNotOpenTheCircuitBreaker() {
    ollama.behave(Behaviour.answer((ANSWER + " ").repeat(6), Duration.ofMillis(50)));
    for (int i = 0; i < 5; i++) {
      try (SseStream leaving = SseStream.open(question("Schließt das Fenster " + i))) {
        leaving.await("delta", Duration.ofSeconds(5));
      }
      int left = i + 1;
      Wait.until(Duration.ofSeconds(2), () -> ollama.abandoned() == left);
    }
    assertThat(Metrics.required("assistant_llm_circuit_open")).isZero();
  }

  @Test
  @Order(6)
  void aFullLineDoesNotOpenTheCircuitBreaker() {
    ollama.behave(Behaviour.answer(ANSWER, Duration.ofMillis(200)));
    List<CompletableFuture<String>> crowd = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String message = "Wo ist das Fundamt? Ansturm " + i;
      crowd.add(CompletableFuture.supplyAsync(() -> Citizen.ask(message).path("reason")));
    }
    List<String> reasons = crowd.stream().map(CompletableFuture::join).toList();
    assertThat(reasons).contains("MODEL_BUSY");
    assertThat(Metrics.required("assistant_llm_circuit_open")).isZero();
    // The model is healthy and still asked: the next citizen gets an AI answer.
    assertThat(Citizen.ask("Wo ist das Fundamt? Nach dem Ansturm").<String>path("kind")).isEqualTo("AI_GENERATED");
  }
}

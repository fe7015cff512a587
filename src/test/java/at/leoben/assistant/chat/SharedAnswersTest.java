package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.KnowledgeFolderProfile;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.SseStream;
import at.leoben.assistant.testsupport.SseStream.Timed;
import at.leoben.assistant.testsupport.Wait;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: identical first questions asked while the model is still writing the answer to the
 * first wait for that answer instead of asking the model again (answer reuse is on in this profile).
 */
@QuarkusTest
@TestProfile(KnowledgeFolderProfile.class)
@QuarkusTestResource(OllamaStandInResource.class)
class SharedAnswersTest {

  private static final String ANSWER = "Fundsachen geben Sie im Fundamt im Rathaus ab [1].";

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  private static String question(String tag) {
    return "Wo gebe ich eine Fundsache ab? " + tag + " " + UUID.randomUUID();
  }

  private static String json(String question) {
    return "{\"message\":\"" + question + "\"}";
  }

  private void untilTheModelIsAsked(int times) {
    // Generous: the first turns after start-up are slow on a busy machine.
    Wait.until(Duration.ofSeconds(30), () -> ollama.chatRequestCount() == times);
  }

  @Test
  void twoCitizensAskingTheSameAtOnceCostOneModelCallAndBothGetTheLabelledAnswer() {
    String question = question("Gleich");
    ollama.behave(Behaviour.slow(Duration.ofMillis(1500), ANSWER));
    CompletableFuture<ExtractableResponse<Response>> first = CompletableFuture.supplyAsync(() -> Citizen.ask(question));
    untilTheModelIsAsked(1);
    ExtractableResponse<Response> second = Citizen.ask(question.toUpperCase() + "  ");
    ExtractableResponse<Response> leader = first.join();

    assertThat(ollama.chatRequestCount()).isEqualTo(1);
    for (ExtractableResponse<Response> reply : List.of(leader, second)) {
      assertThat(reply.<String>path("kind")).isEqualTo("AI_GENERATED");
      assertThat(reply.<String>path("answer")).isEqualTo(ANSWER);
      assertThat(reply.<String>path("disclosure.label")).isEqualTo("KI-generiert");
      assertThat(reply.<String>path("disclosure.model")).isEqualTo("llama3.1:8b");
      assertThat(reply.header("AI-Disclosure")).startsWith("mode=ai-originated");
    }
    assertThat(second.<String>path("disclosure.generatedAt")).isEqualTo(leader.path("disclosure.generatedAt"));
    assertThat(second.<List<?>>path("sources")).isEqualTo(leader.path("sources"));
    assertThat(Db.rows("select reused_from from audit_entry where message_id = ?", UUID.fromString(second.path("messageId"))))
        .extracting(row -> row.get("reused_from").toString())
        .containsExactly(leader.<String>path("messageId"));
  }

  @Test
  void aStreamingFollowerIsToldItWaitsThenGetsTheAnswerAsOneDelta() {
    String question = question("Strom");
    ollama.behave(Behaviour.answer(ANSWER, Duration.ofMillis(150)));
    SseStream leader = SseStream.open(json(question));
    untilTheModelIsAsked(1);
    SseStream follower = SseStream.open(json(question));

    List<Timed> followed = follower.finish(Duration.ofSeconds(10));
    List<Timed> led = leader.finish(Duration.ofSeconds(10));
    assertThat(ollama.chatRequestCount()).isEqualTo(1);
    assertThat(followed).extracting(Timed::name).containsExactly("queued", "disclosure", "delta", "sources", "done");
    assertThat(followed.get(0).atMillis()).as("told at once").isLessThan(1_000);
    assertThat(followed.get(1).event().data().path("label").asText()).isEqualTo("KI-generiert");
    assertThat(followed.get(2).event().data().path("text").asText()).isEqualTo(ANSWER);
    assertThat(followed.get(4).event().data().path("kind").asText()).isEqualTo("AI_GENERATED");
    assertThat(led.get(led.size() - 1).event().data().path("answer").asText()).isEqualTo(ANSWER);
  }

  @Test
  void differentQuestionsAtOnceAreEachAskedOfTheModel() {
    ollama.behave(Behaviour.slow(Duration.ofMillis(1000), ANSWER));
    CompletableFuture<ExtractableResponse<Response>> first =
        CompletableFuture.supplyAsync(() -> Citizen.ask(question("Erste")));
    untilTheModelIsAsked(1);
    ExtractableResponse<Response> second = Citizen.ask(question("Zweite"));

    assertThat(first.join().<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(second.<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(ollama.chatRequestCount()).isEqualTo(2);
  }

  @Test
  void whenTheModelFailsTheFirstTheOthersGetTheExcerptWithoutAskingAgain() {
    String question = question("Fehler");
    // Silent, then the connection closes without an answer: the model failed.
    ollama.behave(Behaviour.stallAfter(0, Duration.ofMillis(1500)));
    CompletableFuture<ExtractableResponse<Response>> first = CompletableFuture.supplyAsync(() -> Citizen.ask(question));
    untilTheModelIsAsked(1);
    ExtractableResponse<Response> second = Citizen.ask(question);

    for (ExtractableResponse<Response> reply : List.of(first.join(), second)) {
      assertThat(reply.<String>path("kind")).isEqualTo("KNOWLEDGE_EXCERPT");
      assertThat(reply.<String>path("reason")).isEqualTo("MODEL_UNAVAILABLE");
      assertThat(reply.<Object>path("disclosure")).isNull();
    }
    assertThat(ollama.chatRequestCount()).isEqualTo(1);
  }

  @Test
  void whenTheFirstCitizenLeavesTheFollowerAsksForItself() {
    String question = question("Weg");
    ollama.behave(Behaviour.answer(ANSWER, Duration.ofMillis(150)));
    SseStream leader = SseStream.open(json(question));
    untilTheModelIsAsked(1);
    SseStream follower = SseStream.open(json(question));
    follower.await("queued", Duration.ofSeconds(2));
    leader.close();

    List<Timed> followed = follower.finish(Duration.ofSeconds(10));
    assertThat(followed.get(followed.size() - 1).name()).isEqualTo("done");
    assertThat(followed.get(followed.size() - 1).event().data().path("kind").asText()).isEqualTo("AI_GENERATED");
    assertThat(ollama.chatRequestCount()).isEqualTo(2);
  }
}

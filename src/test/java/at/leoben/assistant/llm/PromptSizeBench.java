package at.leoben.assistant.llm;

import static io.restassured.RestAssured.given;

import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.tokens.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (the name keeps it out of the suite): the prompt tokens per turn over
 * the golden set (issue 21). Every golden question goes through the whole pipeline as a first
 * question; then the AI questions once more in conversations of four turns, so that the history
 * budget shows. Tokens are {@link Tokens#estimate} of each message plus four for the chat
 * template's role marks. Also counted: how often the golden answer's source document is among the
 * passages the model gets (a smaller budget must not cost the right passage). Writes
 * target/prompt-tokens.md. Run: {@code mvn -q -o test -Dtest=PromptSizeBench
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class PromptSizeBench {

  private static final int TEMPLATE_TOKENS_PER_MESSAGE = 4;
  private static final Path GOLDEN = Path.of("tools/evaluation/src/main/resources/evaluation/golden-set.yaml");

  @InjectOllamaStandIn OllamaStandIn ollama;

  @Test
  void promptTokensOverTheGoldenSet() throws IOException {
    ollama.reset();
    ollama.behave(Behaviour.grounded());
    JsonNode golden = new YAMLMapper().readTree(GOLDEN.toFile()).path("questions");

    List<Integer> first = new ArrayList<>();
    List<Integer> firstUncached = new ArrayList<>();
    List<Integer> system = new ArrayList<>();
    int aiQuestions = 0;
    int sourceInPrompt = 0;
    List<JsonNode> answerable = new ArrayList<>();
    for (JsonNode question : golden) {
      int before = ollama.chatRequestCount();
      ask(question, null);
      if (ollama.chatRequestCount() == before) {
        continue; // guarded, small talk or no knowledge: no prompt
      }
      JsonNode prompt = ollama.chatRequests().get(before);
      first.add(tokens(prompt));
      firstUncached.add(uncached(prompt));
      system.add(Tokens.estimate(prompt.path("messages").get(0).path("content").asText()) + TEMPLATE_TOKENS_PER_MESSAGE);
      if ("AI_GENERATED".equals(question.path("kind").asText())) {
        answerable.add(question);
        aiQuestions++;
        if (hasSource(prompt, question.path("source").asText())) {
          sourceInPrompt++;
        }
      }
    }

    List<Integer> followUps = new ArrayList<>();
    List<Integer> followUpsUncached = new ArrayList<>();
    for (int start = 0; start + 4 <= answerable.size(); start += 4) {
      ExtractableResponse<Response> opened = ask(answerable.get(start), null);
      for (int turn = 1; turn < 4; turn++) {
        int before = ollama.chatRequestCount();
        ask(answerable.get(start + turn), opened);
        if (ollama.chatRequestCount() > before) {
          followUps.add(tokens(ollama.chatRequests().get(before)));
          followUpsUncached.add(uncached(ollama.chatRequests().get(before)));
        }
      }
    }

    String report =
        "| prompts | count | p50 | p95 | max |\n|---|---|---|---|---|\n"
            + row("first questions of the golden set", first)
            + row("of these: the system message (the cached prefix)", system)
            + row("first questions, not taken from a warm cache", firstUncached)
            + row("follow-ups (turns 2–4 of a conversation)", followUps)
            + row("follow-ups, not taken from a warm cache", followUpsUncached)
            + "\nGolden AI questions whose source document is among the passages: "
            + sourceInPrompt
            + " of "
            + aiQuestions
            + "\n";
    Files.writeString(Path.of("target", "prompt-tokens.md"), report);
    System.out.println(report);
  }

  private static ExtractableResponse<Response> ask(JsonNode question, ExtractableResponse<Response> conversation) {
    Map<String, Object> body = new HashMap<>();
    body.put("message", question.path("question").asText());
    body.put("language", question.path("language").asText("de"));
    var request = given().contentType(ContentType.JSON);
    if (conversation != null) {
      body.put("conversationId", conversation.path("conversationId"));
      request = request.header("X-Conversation-Token", conversation.<String>path("conversationToken"));
    }
    return request.body(body).post("/api/v1/chat").then().statusCode(200).extract();
  }

  private final Set<String> seenPrefixes = new HashSet<>();

  /**
   * The tokens Ollama computes when its cache holds every earlier prompt (it picks the slot whose
   * cached prompt shares the longest beginning): the messages after the longest run of messages
   * this prompt shares with an earlier one. An upper bound of what the cache saves.
   */
  private int uncached(JsonNode request) {
    JsonNode messages = request.path("messages");
    StringBuilder prefix = new StringBuilder();
    int cached = 0;
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      prefix.append(messages.get(i).toString()).append('\u0000');
      prefixes.add(prefix.toString());
      if (cached == i && seenPrefixes.contains(prefix.toString())) {
        cached = i + 1;
      }
    }
    seenPrefixes.addAll(prefixes);
    int tokens = 0;
    for (int i = cached; i < messages.size(); i++) {
      tokens += Tokens.estimate(messages.get(i).path("content").asText()) + TEMPLATE_TOKENS_PER_MESSAGE;
    }
    return tokens;
  }

  private static int tokens(JsonNode request) {
    int tokens = 0;
    for (JsonNode message : request.path("messages")) {
      tokens += Tokens.estimate(message.path("content").asText()) + TEMPLATE_TOKENS_PER_MESSAGE;
    }
    return tokens;
  }

  /** The excerpts name each passage's document as "[n] Title". */
  private static boolean hasSource(JsonNode request, String alternatives) {
    JsonNode messages = request.path("messages");
    String excerpts = messages.size() > 2 ? messages.get(messages.size() - 2).path("content").asText() : "";
    for (String title : alternatives.split("\\|")) {
      if (!title.isBlank() && excerpts.contains("] " + title.strip())) {
        return true;
      }
    }
    return false;
  }

  private static String row(String what, List<Integer> values) {
    List<Integer> sorted = values.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return "| " + what + " | 0 | | | |\n";
    }
    return "| %s | %d | %d | %d | %d |\n"
        .formatted(what, sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.95), sorted.get(sorted.size() - 1));
  }

  private static int percentile(List<Integer> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }
}

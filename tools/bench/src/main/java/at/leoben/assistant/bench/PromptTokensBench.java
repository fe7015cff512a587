package at.leoben.assistant.bench;

import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.ServiceProcess;
import at.leoben.assistant.tokens.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Run by hand through {@code bench/prompt-tokens.sh}: the prompt tokens per turn over the golden set
 * (issue 21). Starts the packaged service against the Ollama stand-in answering like a careful
 * model, and reads the prompts from the stand-in's record of the chat requests it received. Every
 * golden question goes through the whole pipeline as a first question; then the AI questions once
 * more in conversations of four turns, so that the history budget shows. Tokens are
 * {@link Tokens#estimate} of each message plus four for the chat template's role marks. Also
 * counted: how often the golden answer's source document is among the passages the model gets (a
 * smaller budget must not cost the right passage). Prints the table and writes it to
 * target/prompt-tokens.md.
 *
 * <p>Arguments: the JDBC URL. System property {@code bench.promptBudgetTokens} runs the service with
 * another passage budget ({@code ASSISTANT_KNOWLEDGE_PROMPT_BUDGET_TOKENS}).
 */
public final class PromptTokensBench {

  private static final int TEMPLATE_TOKENS_PER_MESSAGE = 4;
  private static final int TURNS_PER_CONVERSATION = 4;
  private static final Path GOLDEN = Path.of("tools/evaluation/src/main/resources/evaluation/golden-set.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OllamaStandIn ollama;
  private final ServiceProcess service;
  private final Set<String> seenPrefixes = new HashSet<>();

  private PromptTokensBench(OllamaStandIn ollama, ServiceProcess service) {
    this.ollama = ollama;
    this.service = service;
  }

  public static void main(String[] args) throws Exception {
    String jdbcUrl = args[0];
    Map<String, String> extra = new HashMap<>();
    String budget = System.getProperty("bench.promptBudgetTokens", "");
    if (!budget.isBlank()) {
      extra.put("ASSISTANT_KNOWLEDGE_PROMPT_BUDGET_TOKENS", budget);
    }
    JsonNode golden = new YAMLMapper().readTree(GOLDEN.toFile()).path("questions");
    try (OllamaStandIn ollama = OllamaStandIn.start()) {
      ollama.behave(OllamaStandIn.Behaviour.grounded());
      try (ServiceProcess service = BenchService.start(ollama.baseUrl(), jdbcUrl, List.of(), extra)) {
        service.awaitReady();
        String report = new PromptTokensBench(ollama, service).measure(golden);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "prompt-tokens.md"), report);
        System.out.println(report);
      }
    }
  }

  private String measure(JsonNode golden) throws Exception {
    List<Integer> first = new ArrayList<>();
    List<Integer> firstUncached = new ArrayList<>();
    List<Integer> system = new ArrayList<>();
    int aiQuestions = 0;
    int sourceInPrompt = 0;
    List<JsonNode> answerable = new ArrayList<>();
    for (JsonNode question : golden) {
      if (question.has("previous")) {
        continue; // a follow-up (golden set "previous"): not a first question
      }
      int before = ollama.chatRequestCount();
      ask(question, null);
      if (ollama.chatRequestCount() == before) {
        continue; // guarded, small talk or no knowledge: no prompt
      }
      JsonNode prompt = ollama.chatRequests().get(before);
      first.add(tokens(prompt));
      firstUncached.add(uncached(prompt));
      system.add(messageTokens(prompt.path("messages").get(0)));
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
    for (int start = 0; start + TURNS_PER_CONVERSATION <= answerable.size(); start += TURNS_PER_CONVERSATION) {
      JsonNode opened = ask(answerable.get(start), null);
      for (int turn = 1; turn < TURNS_PER_CONVERSATION; turn++) {
        int before = ollama.chatRequestCount();
        ask(answerable.get(start + turn), opened);
        if (ollama.chatRequestCount() > before) {
          JsonNode prompt = ollama.chatRequests().get(before);
          followUps.add(tokens(prompt));
          followUpsUncached.add(uncached(prompt));
        }
      }
    }

    return "| prompts | count | p50 | p95 | max |\n|---|---|---|---|---|\n"
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
  }

  /** A citizen's turn through the service's API; {@code conversation} is the reply that opened it, if any. */
  private JsonNode ask(JsonNode question, JsonNode conversation) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("message", question.path("question").asText());
    if (question.hasNonNull("language")) {
      body.put("language", question.path("language").asText()); // absent: the service detects it
    }
    String[] headers = {};
    if (conversation != null) {
      body.put("conversationId", conversation.path("conversationId").asText());
      headers = new String[] {"X-Conversation-Token", conversation.path("conversationToken").asText()};
    }
    HttpResponse<String> response = service.chat(body.toString(), headers);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("unexpected reply " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

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
      tokens += messageTokens(messages.get(i));
    }
    return tokens;
  }

  private static int tokens(JsonNode request) {
    int tokens = 0;
    for (JsonNode message : request.path("messages")) {
      tokens += messageTokens(message);
    }
    return tokens;
  }

  private static int messageTokens(JsonNode message) {
    return Tokens.estimate(message.path("content").asText()) + TEMPLATE_TOKENS_PER_MESSAGE;
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

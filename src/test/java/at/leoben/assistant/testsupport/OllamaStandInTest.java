package at.leoben.assistant.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks that the stand-in speaks the Ollama protocol and misbehaves exactly as configured. */
class OllamaStandInTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MODEL = "llama3.1:8b";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private static OllamaStandIn standIn;
    private static HttpClient client;

    @BeforeAll
    static void startStandIn() {
        standIn = OllamaStandIn.start();
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @BeforeEach
    void resetStandIn() {
        standIn.reset();
    }

    @Test
    void nonStreamingAnswerHasOllamaShape() throws Exception {
        HttpResponse<String> response = post("/api/chat", chatRequest(MODEL, false));

        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("application/json"));
        JsonNode body = MAPPER.readTree(response.body());
        assertEquals(MODEL, body.path("model").asText());
        Instant.parse(body.path("created_at").asText());
        assertEquals("assistant", body.path("message").path("role").asText());
        assertEquals(OllamaStandIn.DEFAULT_ANSWER, body.path("message").path("content").asText());
        assertEquals("stop", body.path("done_reason").asText());
        assertTrue(body.path("done").asBoolean());
        // "Du bist der Bürgerassistent." + "Wo melde ich meinen Wohnsitz um?"
        assertEquals(4 + 6, body.path("prompt_eval_count").asInt());
        assertEquals(OllamaStandIn.DEFAULT_ANSWER.split("\\s+").length, body.path("eval_count").asInt());
        for (String counter : List.of("total_duration", "load_duration", "prompt_eval_duration", "eval_duration")) {
            assertTrue(body.path(counter).asLong() > 0, counter);
        }

        assertEquals(1, standIn.chatRequestCount());
        JsonNode recorded = standIn.chatRequests().get(0);
        assertEquals("Wo melde ich meinen Wohnsitz um?", recorded.path("messages").path(1).path("content").asText());
        assertEquals(0.2, recorded.path("options").path("temperature").asDouble());
    }

    @Test
    void streamingIsTheDefaultAndSendsOneWordPerLineThenTheDoneLine() throws Exception {
        Duration perChunkDelay = Duration.ofMillis(20);
        standIn.behave(Behaviour.answer("Bitte  bringen Sie\nIhren Ausweis mit.", perChunkDelay));
        ObjectNode request = chatRequest(MODEL, false);
        request.remove("stream");

        long started = System.nanoTime();
        HttpResponse<Stream<String>> response = postForLines(request);
        Reading reading = read(response);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(200, response.statusCode());
        assertEquals("application/x-ndjson", contentType(response));
        assertEquals(Ending.COMPLETED, reading.ending());
        List<JsonNode> lines = reading.json();
        List<JsonNode> chunks = lines.subList(0, lines.size() - 1);
        assertEquals(List.of("Bitte  ", "bringen ", "Sie\n", "Ihren ", "Ausweis ", "mit."),
                chunks.stream().map(line -> line.path("message").path("content").asText()).toList());
        chunks.forEach(line -> {
            assertFalse(line.path("done").asBoolean());
            assertFalse(line.has("done_reason"));
            assertEquals(MODEL, line.path("model").asText());
        });
        JsonNode done = lines.get(lines.size() - 1);
        assertTrue(done.path("done").asBoolean());
        assertEquals("stop", done.path("done_reason").asText());
        assertEquals("", done.path("message").path("content").asText());
        assertEquals(6, done.path("eval_count").asInt());
        assertTrue(done.path("total_duration").asLong() > 0);
        assertTrue(took.compareTo(perChunkDelay.multipliedBy(6)) >= 0, "took " + took);
    }

    @Test
    void requestsWithAFormatAreAnsweredApartAndRecordedApart() throws Exception {
        standIn.behaveForFormat(OllamaStandIn.Behaviour.answer("{\"intent\":\"ordinary\"}"));
        ObjectNode reading = chatRequest(MODEL, false);
        reading.putObject("format").put("type", "object");

        JsonNode read = MAPPER.readTree(post("/api/chat", reading).body());
        JsonNode answered = MAPPER.readTree(post("/api/chat", chatRequest(MODEL, false)).body());

        assertEquals("{\"intent\":\"ordinary\"}", read.path("message").path("content").asText());
        assertEquals(OllamaStandIn.DEFAULT_ANSWER, answered.path("message").path("content").asText());
        assertEquals(1, standIn.formatRequests().size());
        assertEquals(1, standIn.answerRequests().size());
        assertEquals(2, standIn.chatRequestCount());
    }

    @Test
    void errorBehaviourAnswersItsStatusWithOllamaErrorBody() throws Exception {
        standIn.behave(Behaviour.error(503, "server busy, please try again"));

        for (boolean stream : List.of(false, true)) {
            HttpResponse<String> response = post("/api/chat", chatRequest(MODEL, stream));

            assertEquals(503, response.statusCode());
            assertTrue(contentType(response).startsWith("application/json"));
            assertEquals("{\"error\":\"server busy, please try again\"}", response.body());
        }
    }

    @Test
    void unknownModelIsNotFoundWhateverTheBehaviour() throws Exception {
        standIn.behave(Behaviour.garbage("<html>oops"));

        HttpResponse<String> response = post("/api/chat", chatRequest("mistral:7b", false));

        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":\"model \\\"mistral:7b\\\" not found, try pulling it first\"}", response.body());
        assertEquals(1, standIn.chatRequestCount());
    }

    @Test
    void untaggedModelNameMeansLatest() throws Exception {
        standIn.models("mistral:latest");

        assertEquals(200, post("/api/chat", chatRequest("mistral", false)).statusCode());
        assertEquals(404, post("/api/chat", chatRequest(MODEL, false)).statusCode());
    }

    @Test
    void tagsListConfiguredModelsUntilSwitchedDown() throws Exception {
        standIn.models(MODEL, "qwen2.5:7b");

        HttpResponse<String> response = get("/api/tags");

        assertEquals(200, response.statusCode());
        JsonNode models = MAPPER.readTree(response.body()).path("models");
        assertEquals(2, models.size());
        JsonNode first = models.path(0);
        assertEquals(MODEL, first.path("name").asText());
        assertEquals(MODEL, first.path("model").asText());
        assertTrue(first.path("digest").asText().matches("[0-9a-f]{64}"));
        assertEquals(OllamaStandIn.digest(MODEL), first.path("digest").asText());
        assertTrue(first.path("size").asLong() > 0);
        assertEquals("Q4_K_M", first.path("details").path("quantization_level").asText());
        assertEquals("qwen2.5:7b", models.path(1).path("name").asText());

        standIn.tagsDown(true);
        HttpResponse<String> down = get("/api/tags");

        assertEquals(500, down.statusCode());
        assertEquals("{\"error\":\"internal error\"}", down.body());
        assertEquals(2, standIn.tagsRequestCount());
        assertEquals(0, standIn.chatRequestCount());
    }

    @Test
    void showDescribesKnownModelsOnly() throws Exception {
        HttpResponse<String> byModel = post("/api/show", MAPPER.createObjectNode().put("model", MODEL));
        HttpResponse<String> byName = post("/api/show", MAPPER.createObjectNode().put("name", MODEL));
        HttpResponse<String> unknown = post("/api/show", MAPPER.createObjectNode().put("model", "gemma2:2b"));

        assertEquals(200, byModel.statusCode());
        JsonNode shown = MAPPER.readTree(byModel.body());
        assertEquals("llama", shown.path("details").path("family").asText());
        assertEquals("llama", shown.path("model_info").path("general.architecture").asText());
        assertTrue(shown.path("modelfile").asText().startsWith("FROM "));
        assertEquals(200, byName.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals("{\"error\":\"model 'gemma2:2b' not found\"}", unknown.body());
    }

    @Test
    void rootUnknownPathsAndWrongMethodsAnswerLikeOllama() throws Exception {
        HttpResponse<String> root = get("/");
        HttpResponse<String> unknown = get("/api/generate/nothing");
        HttpResponse<String> wrongMethod = get("/api/chat");
        HttpResponse<Void> head = client.send(request("/").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());

        assertEquals(200, root.statusCode());
        assertEquals(200, head.statusCode());
        assertEquals("Ollama is running", root.body());
        assertTrue(contentType(root).startsWith("text/plain"));
        assertEquals(404, unknown.statusCode());
        assertEquals("404 page not found", unknown.body());
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertEquals(0, standIn.chatRequestCount());
    }

    @Test
    void slowWaitsBeforeAnswering() throws Exception {
        Duration delay = Duration.ofMillis(300);
        standIn.behave(Behaviour.slow(delay, "Einen Moment bitte."));

        long started = System.nanoTime();
        HttpResponse<String> response = post("/api/chat", chatRequest(MODEL, false));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(delay) >= 0);
        assertEquals("Einen Moment bitte.", MAPPER.readTree(response.body()).path("message").path("content").asText());
    }

    @Test
    void garbageIsSentVerbatimAsJson() throws Exception {
        standIn.behave(Behaviour.garbage("{\"foo\":"));

        for (boolean stream : List.of(false, true)) {
            HttpResponse<String> response = post("/api/chat", chatRequest(MODEL, stream));

            assertEquals(200, response.statusCode());
            assertTrue(contentType(response).startsWith("application/json"));
            assertEquals("{\"foo\":", response.body());
        }
    }

    @Test
    void stallAfterGoesSilentMidStreamWithoutBlockingOtherRequests() throws Exception {
        standIn.behave(Behaviour.stallAfter(2, Duration.ofSeconds(5)));

        HttpResponse<Stream<String>> response = postForLines(chatRequest(MODEL, true));
        Reading reading = read(response);

        assertEquals(Ending.TIMED_OUT, reading.ending());
        assertEquals(List.of("Das ", "Bürgerservice "),
                reading.json().stream().map(line -> line.path("message").path("content").asText()).toList());
        assertTrue(reading.json().stream().noneMatch(line -> line.path("done").asBoolean()));
        // The stalled exchange is still open on the server, yet another request is served at once.
        assertEquals(200, get("/api/tags").statusCode());
    }

    @Test
    void stallAfterWithoutStreamingClosesWithoutResponse() {
        Duration stall = Duration.ofMillis(300);
        standIn.behave(Behaviour.stallAfter(2, stall));

        long started = System.nanoTime();
        assertThrows(IOException.class, () -> post("/api/chat", chatRequest(MODEL, false)));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(stall) >= 0);
    }

    @Test
    void dropAfterCutsTheStreamShort() throws Exception {
        standIn.behave(Behaviour.dropAfter(3));

        HttpResponse<Stream<String>> response = postForLines(chatRequest(MODEL, true));
        Reading reading = read(response);

        assertEquals(200, response.statusCode());
        assertEquals(Ending.FAILED, reading.ending());
        assertEquals(3, reading.lines().size());
        assertTrue(reading.json().stream().noneMatch(line -> line.path("done").asBoolean()));
    }

    @Test
    void dropAfterWithoutStreamingClosesWithoutResponse() {
        standIn.behave(Behaviour.dropAfter(3));

        assertThrows(IOException.class, () -> post("/api/chat", chatRequest(MODEL, false)));
        assertEquals(1, standIn.chatRequestCount());
    }

    @Test
    void resetRestoresDefaultsAndForgetsRequests() throws Exception {
        standIn.behave(Behaviour.error(500, "boom"));
        standIn.models("other:1b");
        standIn.tagsDown(true);
        post("/api/chat", chatRequest("other:1b", false));
        get("/api/tags");

        standIn.reset();

        assertEquals(0, standIn.chatRequestCount());
        assertEquals(0, standIn.tagsRequestCount());
        assertTrue(standIn.chatRequests().isEmpty());
        assertEquals(200, get("/api/tags").statusCode());
        HttpResponse<String> answer = post("/api/chat", chatRequest(MODEL, false));
        assertEquals(OllamaStandIn.DEFAULT_ANSWER,
                MAPPER.readTree(answer.body()).path("message").path("content").asText());
    }

    private static ObjectNode chatRequest(String model, boolean stream) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("model", model);
        request.putArray("messages")
                .add(MAPPER.createObjectNode().put("role", "system").put("content", "Du bist der Bürgerassistent."))
                .add(MAPPER.createObjectNode().put("role", "user").put("content", "Wo melde ich meinen Wohnsitz um?"));
        request.put("stream", stream);
        request.putObject("options").put("temperature", 0.2);
        return request;
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path)).timeout(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
        return client.send(jsonPost(path, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<Stream<String>> postForLines(JsonNode body) throws IOException, InterruptedException {
        return client.send(jsonPost("/api/chat", body), HttpResponse.BodyHandlers.ofLines());
    }

    private static HttpRequest jsonPost(String path, JsonNode body) {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /**
     * Reads a streamed body line by line with a read timeout: the JDK client's request timeout ends once the
     * headers arrive, so silence in the middle of a body has to be detected here.
     */
    private static Reading read(HttpResponse<Stream<String>> response) throws InterruptedException {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        Stream<String> body = response.body();
        Thread reader = new Thread(() -> {
            try {
                body.forEach(events::add);
                events.add(Ending.COMPLETED);
            } catch (RuntimeException e) {
                events.add(Ending.FAILED);
            }
        }, "ndjson-reader");
        reader.setDaemon(true);
        reader.start();
        List<String> lines = new ArrayList<>();
        while (true) {
            Object event = events.poll(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                // Closing the stream cancels the exchange and releases the connection.
                body.close();
                return new Reading(lines, Ending.TIMED_OUT);
            }
            if (event instanceof Ending ending) {
                return new Reading(lines, ending);
            }
            lines.add((String) event);
        }
    }

    private enum Ending { COMPLETED, FAILED, TIMED_OUT }

    private record Reading(List<String> lines, Ending ending) {

        List<JsonNode> json() {
            return lines.stream().map(line -> {
                try {
                    return MAPPER.readTree(line);
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }).toList();
        }
    }
}

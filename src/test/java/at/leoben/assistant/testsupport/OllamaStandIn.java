package at.leoben.assistant.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * In-process HTTP stand-in for the parts of the Ollama API the assistant talks to
 * ({@code /api/chat}, {@code /api/tags}, {@code /api/show}, {@code /}), built on the JDK HTTP server.
 *
 * <p>The stand-in is shared state: a {@link Behaviour} set with {@link #behave(Behaviour)} applies to every
 * following chat request until {@link #reset()} is called, so tests sharing one instance should reset it
 * before each test.
 */
public final class OllamaStandIn implements AutoCloseable {

    public static final String DEFAULT_ANSWER =
            "Das Bürgerservice im Rathaus hilft Ihnen gerne weiter. Sie erreichen es persönlich oder telefonisch.";
    public static final List<String> DEFAULT_MODELS = List.of("llama3.1:8b");

    // Ollama (Go/gin) labels JSON with an explicit charset; the streaming endpoint uses NDJSON without one.
    private static final String JSON = "application/json; charset=utf-8";
    private static final String NDJSON = "application/x-ndjson";
    private static final String TEXT = "text/plain; charset=utf-8";

    // Splits before every word that follows whitespace, so the chunks concatenate back to the exact text.
    private static final Pattern CHUNK_BOUNDARY = Pattern.compile("(?<=\\s)(?=\\S)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    // Plausible but fixed numbers: clients only parse them, and fixed values keep assertions stable.
    private static final long MODEL_SIZE_BYTES = 4_920_753_328L;
    private static final String MODIFIED_AT = "2025-01-15T09:30:00Z";
    private static final long LOAD_NANOS = 25_000_000L;
    private static final long PROMPT_NANOS_PER_TOKEN = 1_000_000L;
    private static final long EVAL_NANOS_PER_TOKEN = 20_000_000L;

    // A dropped stream promises this many more bytes than it sends, so the client must notice the truncation.
    private static final int BYTES_PROMISED_BUT_NEVER_SENT = 100_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    private volatile Behaviour behaviour = Behaviour.answer(DEFAULT_ANSWER);
    // Requests with a JSON schema in "format" (structured readings); null: answered like any other.
    private volatile Behaviour formatBehaviour;
    private volatile List<String> models = DEFAULT_MODELS;
    private volatile boolean tagsDown;
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final List<JsonNode> chatRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tagsRequests = new AtomicInteger();
    private volatile Capacity capacity = Capacity.UNLIMITED;
    private final AtomicInteger generating = new AtomicInteger();
    private final AtomicInteger peakGenerating = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();

    private OllamaStandIn(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a stand-in on a free loopback port. */
    public static OllamaStandIn start() {
        // Without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: ~40 ms a call.
        // Read once when the JDK server's configuration is first loaded.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // Ollama (Go's http.Server without an idle timeout) keeps idle keep-alive connections open;
        // the JDK server would close them after 30 s, and a request racing that close on a pooled
        // connection fails in a way Ollama never causes. Keep them, as Ollama does.
        System.setProperty("sun.net.httpserver.idleInterval", String.valueOf(Duration.ofDays(1).toSeconds()));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the Ollama stand-in", e);
        }
        // A thread per exchange: a stalled or slow answer must not hold up requests running alongside it.
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ollama-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        OllamaStandIn standIn = new OllamaStandIn(server, executor);
        server.createContext("/", standIn::handle);
        server.setExecutor(executor);
        server.start();
        return standIn;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets how all following chat requests for known models are answered. */
    public void behave(Behaviour behaviour) {
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
    }

    /**
     * Sets how following chat requests that carry Ollama's {@code format} (a JSON schema) are answered, apart
     * from the others: a scripted JSON reading ({@link Behaviour#answer(String)}), garbage, a delay, an error
     * or a dropped connection.
     */
    public void behaveForFormat(Behaviour behaviour) {
        this.formatBehaviour = Objects.requireNonNull(behaviour, "behaviour");
    }

    /** Sets the models that {@code /api/tags} lists and that chat and show accept. */
    public void models(String... names) {
        this.models = List.of(names);
    }

    /**
     * Serves {@code name} with another digest, as after {@code ollama pull} fetched a new version
     * under the same tag. By default a model's digest is the SHA-256 of its name.
     */
    public void digest(String name, String digest) {
        digests.put(name, digest);
    }

    /** Makes {@code /api/tags} fail with 500, as Ollama does when it cannot read its model store. */
    public void tagsDown(boolean down) {
        this.tagsDown = down;
    }

    /**
     * Gives the stand-in a model host's capacity, as Ollama with {@code OLLAMA_NUM_PARALLEL=parallel}:
     * at most {@code parallel} chat requests generate at once, the others wait in a fair line (unbounded,
     * like Ollama below its {@code OLLAMA_MAX_QUEUE}); each generation first spends {@code perPromptToken}
     * on every prompt token (prefill). The time per answer token is the behaviour's
     * ({@link Behaviour#answer(String, Duration)}).
     */
    public void capacity(int parallel, Duration perPromptToken) {
        this.capacity = new Capacity(new Semaphore(parallel, true), perPromptToken);
    }

    /** Chat requests generating right now (past the capacity's line). */
    public int generating() {
        return generating.get();
    }

    /** The most chat requests that generated at the same time since the last reset. */
    public int peakGenerating() {
        return peakGenerating.get();
    }

    /** Generations that ended because the client closed the connection before the answer was complete. */
    public int abandoned() {
        return abandoned.get();
    }

    /** Restores the default answer, model list and tags endpoint and forgets all recorded requests. */
    public void reset() {
        capacity = Capacity.UNLIMITED;
        generating.set(0);
        peakGenerating.set(0);
        abandoned.set(0);
        behaviour = Behaviour.answer(DEFAULT_ANSWER);
        formatBehaviour = null;
        models = DEFAULT_MODELS;
        tagsDown = false;
        digests.clear();
        chatRequests.clear();
        tagsRequests.set(0);
    }

    /**
     * Bodies of all {@code /api/chat} requests received so far, in order of arrival. A body that is not JSON
     * is recorded as a text node holding the raw body.
     */
    public List<JsonNode> chatRequests() {
        // Deep copies, so a test cannot alter what later assertions see.
        return chatRequests.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /** The recorded chat requests that carried {@code format} (structured readings). */
    public List<JsonNode> formatRequests() {
        return chatRequests().stream().filter(request -> request.has("format")).toList();
    }

    /** The recorded chat requests without {@code format} (answers). */
    public List<JsonNode> answerRequests() {
        return chatRequests().stream().filter(request -> !request.has("format")).toList();
    }

    public int chatRequestCount() {
        return chatRequests.size();
    }

    public int tagsRequestCount() {
        return tagsRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts handlers still sleeping in a stall, so closing never waits for them.
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            route(exchange, body);
        } catch (IOException e) {
            // The client hung up (for instance after its own timeout); there is nobody left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Ends a chunked stream cleanly; without sent headers it drops the connection instead.
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        switch (exchange.getRequestURI().getPath()) {
            case "/" -> {
                // Ollama answers HEAD / too; clients use it as a cheap liveness probe.
                if (allowed(exchange, "GET", "HEAD")) {
                    if (method.equals("HEAD")) {
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        send(exchange, 200, TEXT, "Ollama is running");
                    }
                }
            }
            case "/api/tags" -> {
                if (allowed(exchange, "GET")) {
                    tags(exchange);
                }
            }
            case "/api/show" -> {
                if (allowed(exchange, "POST")) {
                    show(exchange, body);
                }
            }
            case "/api/chat" -> {
                if (allowed(exchange, "POST")) {
                    chat(exchange, body);
                }
            }
            default -> send(exchange, 404, TEXT, "404 page not found");
        }
    }

    private static boolean allowed(HttpExchange exchange, String... methods) throws IOException {
        if (List.of(methods).contains(exchange.getRequestMethod())) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", methods));
        send(exchange, 405, TEXT, "405 method not allowed");
        return false;
    }

    private void tags(HttpExchange exchange) throws IOException {
        tagsRequests.incrementAndGet();
        if (tagsDown) {
            sendError(exchange, 500, "internal error");
            return;
        }
        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode list = response.putArray("models");
        for (String name : models) {
            ObjectNode model = list.addObject();
            model.put("name", name);
            model.put("model", name);
            model.put("modified_at", MODIFIED_AT);
            model.put("size", MODEL_SIZE_BYTES);
            model.put("digest", digests.getOrDefault(name, digest(name)));
            model.set("details", details());
        }
        sendJson(exchange, 200, response);
    }

    private void show(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = parse(body);
        if (rejected(exchange, body, request)) {
            return;
        }
        // Ollama renamed "name" to "model"; older clients still send "name".
        String name = request.path("model").asText("");
        if (name.isEmpty()) {
            name = request.path("name").asText("");
        }
        if (name.isEmpty()) {
            sendError(exchange, 400, "model is required");
            return;
        }
        if (!isKnown(name)) {
            sendError(exchange, 404, "model '" + name + "' not found");
            return;
        }
        ObjectNode response = MAPPER.createObjectNode();
        response.put("modelfile", "FROM " + name);
        response.put("parameters", "temperature 0.2");
        response.put("template", "{{ .Prompt }}");
        response.set("details", details());
        response.putObject("model_info").put("general.architecture", "llama");
        response.putArray("capabilities").add("completion");
        response.put("modified_at", MODIFIED_AT);
        sendJson(exchange, 200, response);
    }

    private void chat(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        long startedNanos = System.nanoTime();
        JsonNode request = parse(body);
        chatRequests.add(request);
        if (rejected(exchange, body, request)) {
            return;
        }
        String model = request.path("model").asText("");
        if (model.isEmpty()) {
            sendError(exchange, 400, "model is required");
            return;
        }
        // An unknown model fails in Ollama before any generation starts, whatever the behaviour.
        if (!isKnown(model)) {
            sendError(exchange, 404, "model \"" + model + "\" not found, try pulling it first");
            return;
        }
        JsonNode stream = request.path("stream");
        // Ollama streams unless the client explicitly asks it not to.
        Turn turn = new Turn(model, !stream.isBoolean() || stream.booleanValue(), promptTokens(request), startedNanos);

        Capacity slots = capacity;
        slots.enter();
        int now = generating.incrementAndGet();
        peakGenerating.accumulateAndGet(now, Math::max);
        try {
            pause(slots.perPromptToken().multipliedBy(turn.promptTokens()));
            generate(exchange, request, turn);
        } catch (IOException e) {
            // Writing to a client that hung up: like Ollama, stop generating and free the slot.
            abandoned.incrementAndGet();
            throw e;
        } finally {
            generating.decrementAndGet();
            slots.leave();
        }
    }

    private void generate(HttpExchange exchange, JsonNode request, Turn turn) throws IOException, InterruptedException {
        Behaviour forFormat = formatBehaviour;
        Behaviour current = forFormat != null && request.has("format") ? forFormat : behaviour;
        if (current instanceof Behaviour.Answer answer) {
            answer(exchange, turn, answer.text(), answer.perChunkDelay());
        } else if (current instanceof Behaviour.ErrorStatus error) {
            sendError(exchange, error.status(), error.message());
        } else if (current instanceof Behaviour.Slow slow) {
            pause(slow.delay());
            answer(exchange, turn, slow.text(), Duration.ZERO);
        } else if (current instanceof Behaviour.StallAfter stall) {
            stallAfter(exchange, turn, stall.chunks(), stall.stall());
        } else if (current instanceof Behaviour.DropAfter drop) {
            dropAfter(exchange, turn, drop.chunks());
        } else if (current instanceof Behaviour.Garbage garbage) {
            send(exchange, 200, JSON, garbage.body());
        } else if (current instanceof Behaviour.ByQuestion byQuestion) {
            JsonNode messages = request.path("messages");
            String question = messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("content").asText();
            answer(exchange, turn, byQuestion.reply().apply(question), Duration.ZERO);
        } else if (current instanceof Behaviour.ByRequest byRequest) {
            answer(exchange, turn, byRequest.reply().apply(request), Duration.ZERO);
        } else {
            throw new IllegalStateException("unhandled behaviour " + current);
        }
    }

    // A body that is not JSON becomes a text node of the raw body, so that it can still be recorded.
    private static JsonNode parse(byte[] body) {
        try {
            JsonNode parsed = MAPPER.readTree(body);
            return parsed == null || parsed.isMissingNode() ? new TextNode("") : parsed;
        } catch (IOException e) {
            return new TextNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static boolean rejected(HttpExchange exchange, byte[] body, JsonNode request) throws IOException {
        if (request.isObject()) {
            return false;
        }
        sendError(exchange, 400, body.length == 0 ? "missing request body" : "request body is not a JSON object");
        return true;
    }

    private void answer(HttpExchange exchange, Turn turn, String text, Duration perChunkDelay)
            throws IOException, InterruptedException {
        List<String> chunks = chunks(text);
        if (!turn.stream()) {
            // Without streaming Ollama answers only after generating every token.
            pause(perChunkDelay.multipliedBy(chunks.size()));
            sendJson(exchange, 200, doneLine(turn, text, chunks.size()));
            return;
        }
        OutputStream out = startStream(exchange, 0);
        for (String chunk : chunks) {
            pause(perChunkDelay);
            writeLine(out, chunkLine(turn, chunk));
        }
        writeLine(out, doneLine(turn, "", chunks.size()));
    }

    private void stallAfter(HttpExchange exchange, Turn turn, int chunkCount, Duration stall)
            throws IOException, InterruptedException {
        if (turn.stream()) {
            OutputStream out = startStream(exchange, 0);
            for (String chunk : firstChunks(chunkCount)) {
                writeLine(out, chunkLine(turn, chunk));
            }
        }
        pause(stall);
        // Returning without a done line: handle() ends the stream, or drops the connection if nothing was sent.
    }

    private void dropAfter(HttpExchange exchange, Turn turn, int chunkCount) throws IOException {
        if (turn.stream()) {
            List<byte[]> lines = new ArrayList<>();
            for (String chunk : firstChunks(chunkCount)) {
                lines.add(lineBytes(chunkLine(turn, chunk)));
            }
            long sent = lines.stream().mapToLong(line -> line.length).sum();
            // A chunked body cannot be cut off with this server (closing always writes the last chunk),
            // so declare a length that the lines never reach.
            OutputStream out = startStream(exchange, sent + BYTES_PROMISED_BUT_NEVER_SENT);
            for (byte[] line : lines) {
                out.write(line);
                out.flush();
            }
        }
        // Closing the exchange (not the body stream) while bytes are still owed, or before any headers, makes
        // the JDK server close the socket; closing the body stream first would leave the client waiting.
        exchange.close();
    }

    private static List<String> firstChunks(int count) {
        List<String> chunks = chunks(DEFAULT_ANSWER);
        return chunks.subList(0, Math.min(count, chunks.size()));
    }

    private static OutputStream startStream(HttpExchange exchange, long length) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", NDJSON);
        exchange.sendResponseHeaders(200, length);
        return exchange.getResponseBody();
    }

    private static void writeLine(OutputStream out, ObjectNode line) throws IOException {
        out.write(lineBytes(line));
        // One flush per line, so each line reaches the client as its own chunk, as from a real model.
        out.flush();
    }

    private static byte[] lineBytes(ObjectNode line) throws JsonProcessingException {
        return (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode chunkLine(Turn turn, String content) {
        ObjectNode line = header(turn, content);
        line.put("done", false);
        return line;
    }

    private static ObjectNode doneLine(Turn turn, String content, int evalCount) {
        long promptNanos = turn.promptTokens() * PROMPT_NANOS_PER_TOKEN;
        long evalNanos = evalCount * EVAL_NANOS_PER_TOKEN;
        long elapsed = System.nanoTime() - turn.startedNanos();
        ObjectNode line = header(turn, content);
        line.put("done_reason", "stop");
        line.put("done", true);
        line.put("total_duration", Math.max(elapsed, LOAD_NANOS + promptNanos + evalNanos));
        line.put("load_duration", LOAD_NANOS);
        line.put("prompt_eval_count", turn.promptTokens());
        line.put("prompt_eval_duration", promptNanos);
        line.put("eval_count", evalCount);
        line.put("eval_duration", evalNanos);
        return line;
    }

    private static ObjectNode header(Turn turn, String content) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("model", turn.model());
        line.put("created_at", Instant.now().toString());
        ObjectNode message = line.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        return line;
    }

    private static List<String> chunks(String text) {
        return text.isEmpty() ? List.of() : List.of(CHUNK_BOUNDARY.split(text));
    }

    // Whitespace-separated words of all messages: a rough but monotone stand-in for the tokenizer.
    private static int promptTokens(JsonNode request) {
        int tokens = 0;
        for (JsonNode message : request.path("messages")) {
            String content = message.path("content").asText("").strip();
            if (!content.isEmpty()) {
                tokens += WHITESPACE.split(content).length;
            }
        }
        return tokens;
    }

    private boolean isKnown(String requested) {
        String wanted = withTag(requested);
        return models.stream().anyMatch(name -> withTag(name).equalsIgnoreCase(wanted));
    }

    // Ollama treats an untagged name as ":latest" and compares names case-insensitively.
    private static String withTag(String name) {
        return name.substring(name.lastIndexOf('/') + 1).contains(":") ? name : name + ":latest";
    }

    private static ObjectNode details() {
        ObjectNode details = MAPPER.createObjectNode();
        details.put("parent_model", "");
        details.put("format", "gguf");
        details.put("family", "llama");
        details.putArray("families").add("llama");
        details.put("parameter_size", "8.0B");
        details.put("quantization_level", "Q4_K_M");
        return details;
    }

    /** The digest {@code /api/tags} reports for a model by default: the SHA-256 of its name. */
    public static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    }

    private static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        sendJson(exchange, status, MAPPER.createObjectNode().put("error", message));
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON, MAPPER.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Turn(String model, boolean stream, int promptTokens, long startedNanos) {
    }

    /** The model host's parallel slots; {@code slots} null: as many as asked for. */
    private record Capacity(Semaphore slots, Duration perPromptToken) {
        static final Capacity UNLIMITED = new Capacity(null, Duration.ZERO);

        void enter() throws InterruptedException {
            if (slots != null) {
                slots.acquire();
            }
        }

        void leave() {
            if (slots != null) {
                slots.release();
            }
        }
    }

    /** How the stand-in answers {@code /api/chat} for a known model. */
    public sealed interface Behaviour {

        /** Answers with {@code text}, streamed word by word unless the request says {@code "stream": false}. */
        static Behaviour answer(String text) {
            return new Answer(text, Duration.ZERO);
        }

        /** Like {@link #answer(String)}, sleeping {@code perChunkDelay} before each streamed word. */
        static Behaviour answer(String text, Duration perChunkDelay) {
            return new Answer(text, perChunkDelay);
        }

        /** Answers each request with what {@code reply} makes of its last (user) message. */
        static Behaviour byQuestion(java.util.function.Function<String, String> reply) {
            return new ByQuestion(reply);
        }

        /** Answers each request with what {@code reply} makes of the whole request body (model, messages, …). */
        static Behaviour byRequest(java.util.function.Function<JsonNode, String> reply) {
            return new ByRequest(reply);
        }

        /**
         * Answers like a careful model: from the quoted excerpt (the message before the question) that fits the question
         * best, citing its number ({@link GroundedReply}).
         */
        static Behaviour grounded() {
            return new ByRequest(GroundedReply::answer);
        }

        /** Fails with {@code status} and Ollama's error body {@code {"error": message}}. */
        static Behaviour error(int status, String message) {
            return new ErrorStatus(status, message);
        }

        /** Sends nothing for {@code delay}, then answers with {@code text}. */
        static Behaviour slow(Duration delay, String text) {
            return new Slow(delay, text);
        }

        /**
         * Streaming: sends the first {@code chunks} words of the default answer, then goes silent for
         * {@code stall} and ends the body without the done line. Non-streaming: silent for {@code stall},
         * then closes the connection without a response.
         */
        static Behaviour stallAfter(int chunks, Duration stall) {
            return new StallAfter(chunks, stall);
        }

        /**
         * Streaming: sends the first {@code chunks} words of the default answer, then cuts the connection so
         * that the body is visibly truncated. Non-streaming: closes the connection without a response.
         */
        static Behaviour dropAfter(int chunks) {
            return new DropAfter(chunks);
        }

        /** Answers 200 {@code application/json} with {@code body} verbatim, however malformed. */
        static Behaviour garbage(String body) {
            return new Garbage(body);
        }

        record Answer(String text, Duration perChunkDelay) implements Behaviour {
            public Answer {
                Objects.requireNonNull(text, "text");
                requireNotNegative(perChunkDelay, "perChunkDelay");
            }
        }

        record ErrorStatus(int status, String message) implements Behaviour {
            public ErrorStatus {
                if (status < 400 || status > 599) {
                    throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
                }
                Objects.requireNonNull(message, "message");
            }
        }

        record Slow(Duration delay, String text) implements Behaviour {
            public Slow {
                requireNotNegative(delay, "delay");
                Objects.requireNonNull(text, "text");
            }
        }

        record ByQuestion(java.util.function.Function<String, String> reply) implements Behaviour {
            public ByQuestion {
                Objects.requireNonNull(reply, "reply");
            }
        }

        record ByRequest(java.util.function.Function<JsonNode, String> reply) implements Behaviour {
            public ByRequest {
                Objects.requireNonNull(reply, "reply");
            }
        }

        record StallAfter(int chunks, Duration stall) implements Behaviour {
            public StallAfter {
                requireNotNegative(chunks, "chunks");
                requireNotNegative(stall, "stall");
            }
        }

        record DropAfter(int chunks) implements Behaviour {
            public DropAfter {
                requireNotNegative(chunks, "chunks");
            }
        }

        record Garbage(String body) implements Behaviour {
            public Garbage {
                Objects.requireNonNull(body, "body");
            }
        }

        private static void requireNotNegative(Duration duration, String name) {
            if (Objects.requireNonNull(duration, name).isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
        }

        private static void requireNotNegative(int count, String name) {
            if (count < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
        }
    }
}

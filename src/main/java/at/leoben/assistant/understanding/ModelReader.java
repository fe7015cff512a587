package at.leoben.assistant.understanding;

import at.leoben.assistant.admission.Admission;
import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.llm.ReadingConfig;
import at.leoben.assistant.llm.ModelUnavailable;
import at.leoben.assistant.llm.PromptTurn;
import at.leoben.assistant.llm.ReadingGateway;
import at.leoben.assistant.llm.StructuredOutput;
import at.leoben.assistant.llm.StructuredRequest;
import at.leoben.assistant.resources.TextResources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The city's model as the second reader of a message: one short structured call before
 * retrieval, only while the model is approved and up, only on a slot nobody waits for. Whatever
 * goes wrong (off, busy, breaker open, timeout, error, JSON not of the schema) leaves no reading,
 * and the safety net's verdict stands. Every call made is audited (model, tokens, what it read).
 */
// Started with the service: its model client is built then, not on a citizen's first turn.
@Startup
@ApplicationScoped
public class ModelReader {

  /** Bump with every change of the reader's prompt file. */
  static final String PROMPT = "understanding-v1";

  private static final Logger LOG = Logger.getLogger(ModelReader.class);
  /** A long earlier answer adds little to what a follow-up refers to. */
  private static final int MAX_TURN_CHARS = 400;

  private final ReadingGateway gateway;
  private final Admission admission;
  private final AuditTrail audit;
  private final MeterRegistry meters;
  private final int historyMessages;
  private final String systemPrompt;

  ModelReader(ReadingGateway gateway, Admission admission, AuditTrail audit, MeterRegistry meters, ReadingConfig config) {
    this.gateway = gateway;
    this.admission = admission;
    this.audit = audit;
    this.meters = meters;
    this.historyMessages = config.historyMessages();
    this.systemPrompt = TextResources.read("prompts/" + PROMPT + ".txt").strip();
  }

  /**
   * The model's reading of {@code message}, with the last turns of {@code history} (which holds no
   * handed-over turns), or empty. Takes at most the understanding timeout.
   */
  public Optional<ModelReading> read(UUID conversationId, String message, List<PromptTurn> history) {
    if (!gateway.enabled()) {
      return Optional.empty();
    }
    if (!gateway.available()) {
      count("unavailable");
      return Optional.empty();
    }
    StructuredRequest request =
        new StructuredRequest(systemPrompt, recent(history), message, ReadingFormat.enumFields(), ReadingFormat.textFields());
    long started = System.nanoTime();
    Optional<StructuredOutput> output;
    try {
      output = admission.callIfIdle(() -> gateway.read(request));
    } catch (ModelUnavailable e) {
      count(e.failure().name().toLowerCase(Locale.ROOT));
      audit(conversationId, null, e.failure().name(), Duration.ofNanos(System.nanoTime() - started), null, null);
      return Optional.empty();
    }
    if (output.isEmpty()) {
      count("busy");
      return Optional.empty();
    }
    StructuredOutput out = output.get();
    Optional<ModelReading> reading = ReadingFormat.parse(out.json());
    count(reading.isPresent() ? "read" : "invalid_output");
    audit(
        conversationId,
        reading.orElse(null),
        reading.isPresent() ? null : ModelUnavailable.Failure.INVALID_OUTPUT.name(),
        out.latency(),
        out.inputTokens(),
        out.outputTokens());
    return reading;
  }

  /** Switched on, the model approved and its breaker closed (no call made to find out). */
  public boolean mayRead() {
    return gateway.enabled() && gateway.available();
  }

  /**
   * The safer of the two readings, counted per layer so a city sees what each reader caught
   * that the other missed ({@code assistant_understanding_verdicts_total}).
   */
  public SaferReading.Verdict route(Intent net, Optional<ModelReading> reading) {
    SaferReading.Verdict verdict = SaferReading.of(net, reading.map(ModelReading::intent));
    if (reading.isPresent()) {
      Counter.builder("assistant.understanding.verdicts")
          .description("Turns routed with the model's reading: which reader (net, model, both) read the intent that routed it")
          .tag("layer", verdict.layer().label())
          .tag("intent", category(verdict.intent()))
          .register(meters)
          .increment();
    }
    return verdict;
  }

  /** The model that reads, for the transparency page and the audit. */
  public String modelName() {
    return gateway.modelName();
  }

  private List<PromptTurn> recent(List<PromptTurn> history) {
    List<PromptTurn> last = history.subList(Math.max(0, history.size() - historyMessages), history.size());
    return last.stream()
        .map(t -> t.text().length() <= MAX_TURN_CHARS ? t : new PromptTurn(t.speaker(), t.text().substring(0, MAX_TURN_CHARS) + " …"))
        .toList();
  }

  private void audit(UUID conversationId, ModelReading reading, String failure, Duration latency, Integer in, Integer out) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  audit.recordUnderstanding(
                      conversationId,
                      gateway.modelName(),
                      PROMPT,
                      reading == null ? null : category(reading.intent()),
                      reading != null && reading.intent() instanceof Intent.Sensitive s ? s.area() : null,
                      reading == null ? null : reading.language(),
                      failure,
                      latency.toMillis(),
                      in,
                      out));
    } catch (RuntimeException e) {
      // The reading only routes; the turn's own entry is what must not be lost.
      LOG.warnf("Could not audit the model's reading (%s)", e.getClass().getSimpleName());
    }
  }

  private void count(String outcome) {
    Counter.builder("assistant.understanding.readings")
        .description("The model's readings of citizens' messages by outcome (read, busy, unavailable, timeout, error, invalid_output)")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  /** The intent without its area: the six sensitive areas count as one category. */
  static String category(Intent intent) {
    return intent instanceof Intent.Sensitive ? "sensitive" : Intent.label(intent);
  }
}

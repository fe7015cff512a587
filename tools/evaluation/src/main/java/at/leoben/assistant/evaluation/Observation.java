package at.leoben.assistant.evaluation;

import java.util.List;

/**
 * What the service really sent for one question, as a citizen's client saw it. {@code error} is
 * set when no reply object came back (HTTP error, timeout, broken stream). {@code language}: the
 * language the reply says it is written in; {@code previousReplies}: kind/reason of the replies to
 * the question's previous turns, in order.
 */
public record Observation(
    Mode mode,
    int status,
    String kind,
    String reason,
    String area,
    String answer,
    SeenDisclosure disclosure,
    String disclosureHeader,
    List<SeenSource> sources,
    String messageId,
    String startedAt,
    double latencyMs,
    Double firstTokenMs,
    Boolean disclosureEventFirst,
    String language,
    List<String> previousReplies,
    String error) {

  public enum Mode {
    SYNC,
    STREAM
  }

  /** The reply's {@code disclosure} object. */
  public record SeenDisclosure(String label, String model, String generatedAt) {}

  public record SeenSource(String title, String url) {}

  public Observation {
    sources = sources == null ? List.of() : List.copyOf(sources);
    previousReplies = previousReplies == null ? List.of() : List.copyOf(previousReplies);
  }

  /** Model text reached the citizen: an AI answer, or any reply that claims a disclosure. */
  boolean carriesModelText() {
    return "AI_GENERATED".equals(kind) || disclosure != null;
  }
}

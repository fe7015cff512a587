package at.leoben.assistant.gaps;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A topic citizens asked about that the knowledge could not answer: similar questions together,
 * counted per week and by why they count as a gap, with recent examples (already redacted when
 * they were stored).
 *
 * @param topic the words the questions share
 * @param perWeek questions per ISO week ("2025-W23"), oldest first
 * @param why questions per kind of gap: NO_KNOWLEDGE, HANDED_OVER, THUMBS_DOWN
 * @param reviewItemId a review item of one of the questions, where a clerk can write the approved
 *     answer; null when none has one (a hand-over)
 * @param questionToInspect the question to look into with the retrieval inspector: the newest that
 *     found no knowledge, else the newest rated down, else the newest
 */
public record Gap(
    String topic,
    int count,
    Map<String, Integer> perWeek,
    Map<String, Integer> why,
    List<Example> examples,
    Instant lastAsked,
    UUID reviewItemId,
    String questionToInspect) {

  /** The question to inspect, URL-encoded, for the inspector's link. */
  public String questionToInspectEncoded() {
    return URLEncoder.encode(questionToInspect, StandardCharsets.UTF_8);
  }

  /** One question of the topic, as stored (redacted), and why it is a gap. */
  public record Example(String question, String why, Instant askedAt) {}
}

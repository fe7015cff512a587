package at.leoben.assistant.knowledge.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change of a source's page as editors see it: what kind, where, the diff, and what the import
 * screen found. {@code diff} is a unified diff of the page's text, line by line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(
    UUID id,
    UUID sourceId,
    String url,
    String title,
    String kind,
    String status,
    Instant detectedAt,
    List<TextDiff.Line> diff,
    List<String> warnings,
    String decidedBy,
    Instant decidedAt,
    int withdrawnAnswers) {}

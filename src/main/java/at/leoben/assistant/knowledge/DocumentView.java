package at.leoben.assistant.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A document as admins see it, with what needs their attention: stale, facts to confirm, and
 * {@code warnings}: lines that read like instructions to the model (shown with the full document).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentView(
    UUID id,
    String slug,
    String title,
    String sourceUrl,
    String owner,
    LocalDate validFrom,
    LocalDate updated,
    List<String> keywords,
    boolean stale,
    int unconfirmedFacts,
    long passages,
    String origin,
    int version,
    Instant modifiedAt,
    String body,
    List<String> warnings) {}

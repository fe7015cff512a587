package at.leoben.assistant.knowledge.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge source as admins see it: what it is, when it is fetched next, what the last crawl
 * did, how many pages are live and how many changes wait for an editor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(
    UUID id,
    String type,
    String url,
    String schedule,
    String approval,
    String createdBy,
    Instant createdAt,
    Instant nextCrawlAt,
    Instant lastCrawlAt,
    boolean crawling,
    long livePages,
    long pendingChanges,
    CrawlReport lastReport) {}

package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.audit.StaffAction;
import at.leoben.assistant.knowledge.CrawledDocuments;
import at.leoben.assistant.review.ApprovedAnswers;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Sources in PostgreSQL: registered, listed, claimed for a crawl (one instance at a time), removed. */
@ApplicationScoped
class SourceStore {

  static final String SOURCE_ADDED = "KNOWLEDGE_SOURCE_ADDED";
  static final String SOURCE_REMOVED = "KNOWLEDGE_SOURCE_REMOVED";
  static final String CRAWL = "KNOWLEDGE_CRAWL";

  /** What a crawl needs to know of its source. */
  record Snapshot(UUID id, SourceType type, String url, Approval approval) {}

  private final CrawledDocuments documents;
  private final ApprovedAnswers approvedAnswers;
  private final AuditTrail audit;
  private final SourcesConfig config;
  private final ObjectMapper json;
  private final Clock clock;

  SourceStore(
      CrawledDocuments documents,
      ApprovedAnswers approvedAnswers,
      AuditTrail audit,
      SourcesConfig config,
      ObjectMapper json,
      Clock clock) {
    this.documents = documents;
    this.approvedAnswers = approvedAnswers;
    this.audit = audit;
    this.config = config;
    this.json = json;
    this.clock = clock;
  }

  /** Registers a checked source; its first crawl is due at once (the next tick of the schedule). */
  @Transactional
  SourceView create(SourceType type, String url, String schedule, Approval approval, StaffMember admin) {
    if (CrawlSource.count("type = ?1 and url = ?2", type, url) > 0) {
      throw new ProblemException(Status.CONFLICT, "problem.source.title", "problem.source.duplicate");
    }
    CrawlSource source = new CrawlSource();
    source.id = UUID.randomUUID();
    source.type = type;
    source.url = url;
    source.schedule = schedule;
    source.approval = approval;
    source.createdBy = admin.username();
    source.createdAt = Instant.now(clock);
    source.nextCrawlAt = source.createdAt;
    source.persist();
    audit.recordStaffAction(
        new StaffAction(
            SOURCE_ADDED, null, null, type.name(), null, admin.username(), admin.role(),
            url + " (" + approval.name().toLowerCase(Locale.ROOT) + ", " + schedule + ")"));
    return view(source);
  }

  @Transactional
  List<SourceView> list() {
    return CrawlSource.<CrawlSource>list("order by createdAt").stream().map(this::view).toList();
  }

  @Transactional
  SourceView get(UUID id) {
    return view(find(id, LockModeType.NONE));
  }

  /** Removes a source: its pages leave retrieval, answers built on them are withdrawn. */
  @Transactional
  void delete(UUID id, StaffMember admin) {
    CrawlSource source = find(id, LockModeType.PESSIMISTIC_WRITE);
    Set<String> links = new HashSet<>();
    for (CrawlPage page : CrawlPage.<CrawlPage>list("sourceId", id)) {
      if (page.documentId != null) {
        documents.remove(page.documentId);
        links.add(page.url);
        Optional.ofNullable(page.liveContent).map(this::content).ifPresent(c -> links.addAll(c.textByLink(page.url).keySet()));
      }
    }
    approvedAnswers.withdrawCiting(links, admin, "Quelle entfernt: " + source.url);
    source.delete();
    audit.recordStaffAction(
        new StaffAction(SOURCE_REMOVED, null, null, source.type.name(), null, admin.username(), admin.role(), source.url));
  }

  @Transactional
  Snapshot snapshot(UUID id) {
    CrawlSource source = find(id, LockModeType.NONE);
    return new Snapshot(source.id, source.type, source.url, source.approval);
  }

  /**
   * Takes the source for a crawl unless one runs (on any instance); a crawl older than the lease
   * died and is taken over. A scheduled crawl also moves the source's next time.
   */
  @Transactional
  boolean claim(UUID id, boolean scheduled) {
    CrawlSource source = find(id, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now(clock);
    if (source.crawlingSince != null && source.crawlingSince.isAfter(now.minus(config.lease()))) {
      return false;
    }
    source.crawlingSince = now;
    if (scheduled) {
      source.nextCrawlAt = Schedules.next(source.schedule, now);
    }
    return true;
  }

  /** Sources whose time has come and that no one crawls. */
  @Transactional
  List<UUID> due() {
    Instant now = Instant.now(clock);
    return CrawlSource.<CrawlSource>list(
            "nextCrawlAt <= ?1 and (crawlingSince is null or crawlingSince < ?2) order by nextCrawlAt",
            now,
            now.minus(config.lease()))
        .stream()
        .map(source -> source.id)
        .toList();
  }

  /** Ends a crawl: its report kept with the source and in the audit. */
  @Transactional
  void finish(UUID id, CrawlReport report, StaffMember by) {
    CrawlSource source = CrawlSource.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (source == null) {
      return; // removed while it was crawled
    }
    source.crawlingSince = null;
    source.lastCrawlAt = report.finishedAt();
    if (!source.nextCrawlAt.isAfter(report.finishedAt())) {
      // A crawl by hand before the first scheduled one counts as that one.
      source.nextCrawlAt = Schedules.next(source.schedule, report.finishedAt());
    }
    try {
      source.lastReport = json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    audit.recordStaffAction(
        new StaffAction(
            CRAWL, null, null, report.problems().isEmpty() ? "OK" : "PROBLEMS", null,
            by == null ? null : by.username(), by == null ? null : by.role(), source.url + ": " + report.summary()));
  }

  private SourceView view(CrawlSource source) {
    long live = CrawlPage.count("sourceId = ?1 and documentId is not null", source.id);
    long pending = PageChange.count("sourceId = ?1 and status = ?2", source.id, PageChange.Status.PENDING);
    return new SourceView(
        source.id,
        source.type.name().toLowerCase(Locale.ROOT),
        source.url,
        source.schedule,
        source.approval.name().toLowerCase(Locale.ROOT),
        source.createdBy,
        source.createdAt,
        source.nextCrawlAt,
        source.lastCrawlAt,
        source.crawlingSince != null,
        live,
        pending,
        report(source.lastReport));
  }

  private CrawlReport report(String stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readValue(stored, CrawlReport.class);
    } catch (JsonProcessingException e) {
      return null; // a report of an older format: the next crawl writes a new one
    }
  }

  private PageContent content(String stored) {
    try {
      return json.readValue(stored, PageContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable page content", e);
    }
  }

  private static CrawlSource find(UUID id, LockModeType lock) {
    CrawlSource source = CrawlSource.findById(id, lock);
    if (source == null) {
      throw new ProblemException(Status.NOT_FOUND, "problem.source.title", "problem.source.not-found");
    }
    return source;
  }
}

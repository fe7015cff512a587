package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.audit.StaffAction;
import at.leoben.assistant.knowledge.CrawledDocuments;
import at.leoben.assistant.knowledge.InstructionScreen;
import at.leoben.assistant.review.ApprovedAnswers;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a crawl found, page by page, and what becomes of it: a new or changed page goes live at once
 * (approval "auto") or waits for an editor (approval "editor", and always when the import screen
 * found text that reads like instructions); a vanished page leaves retrieval at once, whatever the
 * approval (a gap is safer than a stale answer). Going live withdraws the approved answers that
 * cited a replaced passage. Every step is audited.
 */
@ApplicationScoped
class Changes {

  static final String APPLIED = "KNOWLEDGE_CHANGE_APPLIED";
  static final String REJECTED = "KNOWLEDGE_CHANGE_REJECTED";
  private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  /** What one page came to. */
  enum Outcome {
    UNCHANGED,
    ADDED,
    CHANGED,
    VANISHED,
    WAITING,
    /** Gone, but it was never live: nothing to take down. */
    NOTHING
  }

  /** What a crawl needs to know of a page it has seen before. */
  record PageState(String url, String etag, String lastModified, boolean gone) {}

  private final CrawledDocuments documents;
  private final InstructionScreen screen;
  private final ApprovedAnswers approvedAnswers;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;

  Changes(
      CrawledDocuments documents,
      InstructionScreen screen,
      ApprovedAnswers approvedAnswers,
      AuditTrail audit,
      ObjectMapper json,
      Clock clock) {
    this.documents = documents;
    this.screen = screen;
    this.approvedAnswers = approvedAnswers;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  Map<String, PageState> pages(UUID sourceId) {
    Map<String, PageState> pages = new HashMap<>();
    for (CrawlPage page : CrawlPage.<CrawlPage>list("sourceId", sourceId)) {
      pages.put(page.url, new PageState(page.url, page.etag, page.lastModified, page.gone));
    }
    return pages;
  }

  /** A page was read: unchanged, or a change that goes live or waits. */
  @Transactional
  Outcome read(SourceStore.Snapshot source, URI url, PageContent content, String etag, String lastModified) {
    CrawlPage page = page(source.id(), url.toString());
    String hash = content.hash();
    boolean validatorsChanged = !Objects.equals(page.etag, etag) || !Objects.equals(page.lastModified, lastModified);
    if (hash.equals(page.fetchedHash) && !page.gone) {
      if (validatorsChanged) {
        page.etag = etag;
        page.lastModified = lastModified;
      }
      return Outcome.UNCHANGED;
    }
    page.etag = etag;
    page.lastModified = lastModified;
    page.fetchedHash = hash;
    page.gone = false;
    supersedePending(page);
    if (hash.equals(page.liveHash)) {
      return Outcome.UNCHANGED; // back to what is live: the waiting change is void
    }
    PageChange change = new PageChange();
    change.id = UUID.randomUUID();
    change.sourceId = source.id();
    change.pageId = page.id;
    change.url = page.url;
    change.kind = page.liveHash == null ? PageChange.Kind.NEW : PageChange.Kind.CHANGED;
    change.status = PageChange.Status.PENDING;
    change.detectedAt = Instant.now(clock);
    change.title = cut(content.title(), 300);
    change.oldText = page.liveContent == null ? null : content(page.liveContent).text();
    change.newText = content.text();
    change.newContent = write(content);
    List<String> warnings = new ArrayList<>();
    for (var section : content.sections()) {
      warnings.addAll(screen.instructionsIn(section.text()));
    }
    change.warnings = warnings.isEmpty() ? null : write(warnings);
    change.persist();
    if (source.approval() == Approval.AUTO && warnings.isEmpty()) {
      apply(change, page, null);
      return change.kind == PageChange.Kind.NEW ? Outcome.ADDED : Outcome.CHANGED;
    }
    return Outcome.WAITING;
  }

  /** A page answered 404 or 410 (or may no longer be fetched): it leaves retrieval now. */
  @Transactional
  Outcome gone(SourceStore.Snapshot source, String url) {
    CrawlPage page = CrawlPage.find("sourceId = ?1 and url = ?2", source.id(), url).firstResult();
    if (page == null || page.gone) {
      return Outcome.NOTHING;
    }
    page.gone = true;
    page.etag = null;
    page.lastModified = null;
    page.fetchedHash = null;
    supersedePending(page);
    if (page.liveHash == null) {
      return Outcome.NOTHING;
    }
    PageChange change = new PageChange();
    change.id = UUID.randomUUID();
    change.sourceId = source.id();
    change.pageId = page.id;
    change.url = page.url;
    change.kind = PageChange.Kind.VANISHED;
    change.status = PageChange.Status.PENDING;
    change.detectedAt = Instant.now(clock);
    change.title = cut(content(page.liveContent).title(), 300);
    change.oldText = content(page.liveContent).text();
    change.persist();
    apply(change, page, null);
    return Outcome.VANISHED;
  }

  @Transactional
  ChangeView approve(UUID id, StaffMember editor) {
    PageChange change = pending(id);
    apply(change, CrawlPage.findById(change.pageId, LockModeType.PESSIMISTIC_WRITE), editor);
    return view(change);
  }

  @Transactional
  ChangeView reject(UUID id, StaffMember editor) {
    PageChange change = pending(id);
    change.status = PageChange.Status.REJECTED;
    change.decidedBy = editor.username();
    change.decidedAt = Instant.now(clock);
    audit.recordStaffAction(
        new StaffAction(REJECTED, null, null, change.kind.name(), null, editor.username(), editor.role(), change.url));
    return view(change);
  }

  /** Changes, newest first; {@code status} null for all. */
  @Transactional
  List<ChangeView> list(String status, UUID sourceId, int limit) {
    StringBuilder where = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    if (status != null) {
      where.append(" and status = :status");
      parameters.and("status", parseStatus(status));
    }
    if (sourceId != null) {
      where.append(" and sourceId = :source");
      parameters.and("source", sourceId);
    }
    return PageChange.<PageChange>find(where + " order by detectedAt desc, id", parameters)
        .page(0, limit)
        .list()
        .stream()
        .map(this::view)
        .toList();
  }

  @Transactional
  ChangeView get(UUID id) {
    return view(find(id, LockModeType.NONE));
  }

  private void apply(PageChange change, CrawlPage page, StaffMember editor) {
    PageContent before = page.liveContent == null ? null : content(page.liveContent);
    Set<String> replaced = new LinkedHashSet<>();
    replaced.add(page.url);
    if (change.kind == PageChange.Kind.VANISHED) {
      documents.remove(page.documentId);
      page.documentId = null;
      page.liveHash = null;
      page.liveContent = null;
      if (before != null) {
        replaced.addAll(before.textByLink(page.url).keySet());
      }
    } else {
      PageContent after = content(change.newContent);
      page.documentId =
          documents.put(
              page.documentId,
              new CrawledDocuments.Page(
                  page.url, after.title(), URI.create(page.url).getHost(), LocalDate.now(clock.withZone(VIENNA)), after.sections()));
      page.liveHash = after.hash();
      page.liveContent = change.newContent;
      replaced = changedLinks(page.url, before, after);
    }
    change.status = PageChange.Status.APPLIED;
    change.decidedBy = editor == null ? null : editor.username();
    change.decidedAt = Instant.now(clock);
    change.withdrawnAnswers = approvedAnswers.withdrawCiting(replaced, editor, "Grundlage geändert: " + page.url);
    audit.recordStaffAction(
        new StaffAction(
            APPLIED,
            null,
            null,
            change.kind.name(),
            null,
            editor == null ? null : editor.username(),
            editor == null ? null : editor.role(),
            page.url));
  }

  /** Deep links whose text is no longer what it was: changed or gone. */
  private static Set<String> changedLinks(String url, PageContent before, PageContent after) {
    if (before == null) {
      return Set.of();
    }
    Map<String, String> old = before.textByLink(url);
    Map<String, String> now = after.textByLink(url);
    Set<String> changed = new LinkedHashSet<>();
    old.forEach((link, text) -> {
      if (!text.equals(now.get(link))) {
        changed.add(link);
      }
    });
    return changed;
  }

  private void supersedePending(CrawlPage page) {
    PageChange.update(
        "status = ?1 where pageId = ?2 and status = ?3", PageChange.Status.SUPERSEDED, page.id, PageChange.Status.PENDING);
  }

  private CrawlPage page(UUID sourceId, String url) {
    CrawlPage page =
        CrawlPage.<CrawlPage>find("sourceId = ?1 and url = ?2", sourceId, url)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    if (page == null) {
      page = new CrawlPage();
      page.id = UUID.randomUUID();
      page.sourceId = sourceId;
      page.url = url;
      page.persist();
    }
    return page;
  }

  private PageChange pending(UUID id) {
    PageChange change = find(id, LockModeType.PESSIMISTIC_WRITE);
    if (change.status != PageChange.Status.PENDING) {
      throw new ProblemException(
          Status.CONFLICT, "problem.change.title", "problem.change.decided", change.status.name().toLowerCase(Locale.ROOT));
    }
    return change;
  }

  private static PageChange find(UUID id, LockModeType lock) {
    PageChange change = PageChange.findById(id, lock);
    if (change == null) {
      throw new ProblemException(Status.NOT_FOUND, "problem.change.title", "problem.change.not-found");
    }
    return change;
  }

  private static PageChange.Status parseStatus(String status) {
    try {
      return PageChange.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("problem.change.status");
    }
  }

  private ChangeView view(PageChange change) {
    return new ChangeView(
        change.id,
        change.sourceId,
        change.url,
        change.title,
        change.kind.name().toLowerCase(Locale.ROOT),
        change.status.name().toLowerCase(Locale.ROOT),
        change.detectedAt,
        TextDiff.between(change.oldText, change.kind == PageChange.Kind.VANISHED ? null : change.newText),
        change.warnings == null ? List.of() : read(change.warnings),
        change.decidedBy,
        change.decidedAt,
        change.withdrawnAnswers);
  }

  private PageContent content(String stored) {
    try {
      return json.readValue(stored, PageContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable page content", e);
    }
  }

  private List<String> read(String stored) {
    try {
      return json.readValue(stored, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable warnings", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

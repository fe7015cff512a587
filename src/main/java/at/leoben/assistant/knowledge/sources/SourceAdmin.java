package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.outbound.LocalOnly;
import at.leoben.assistant.outbound.OutboundConfig;
import at.leoben.assistant.staff.StaffMember;
import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What admins do with sources: register one (checked and fetched once before it is accepted, so a
 * bad source is refused with why, not discovered at night), list, remove, fetch now.
 */
@ApplicationScoped
class SourceAdmin {

  private static final int MAX_URL = 2000;

  private final SourceStore store;
  private final CrawlRunner runner;
  private final Crawler crawler;
  private final SourcesConfig config;
  private final LocalOnly rule;

  SourceAdmin(SourceStore store, CrawlRunner runner, Crawler crawler, SourcesConfig config, OutboundConfig outbound) {
    this.store = store;
    this.runner = runner;
    this.crawler = crawler;
    this.config = config;
    this.rule = new LocalOnly(outbound.allowedHosts().orElse(List.of()));
  }

  SourceView register(SourceInput input, StaffMember admin) {
    if (input == null) {
      throw ProblemException.badRequest("problem.source.type");
    }
    SourceType type = type(input.type());
    URI url = url(input.url());
    Approval approval = approval(input.approval());
    String schedule =
        input.schedule() == null || input.schedule().isBlank()
            ? config.defaultSchedule()
            : Schedules.resolve(input.schedule(), config.defaultSchedule())
                .orElseThrow(() -> ProblemException.badRequest("problem.source.schedule"));
    probe(type, url);
    return store.create(type, url.toString(), schedule, approval, admin);
  }

  List<SourceView> list() {
    return store.list();
  }

  SourceView get(UUID id) {
    return store.get(id);
  }

  void delete(UUID id, StaffMember admin) {
    store.delete(id, admin);
  }

  /** Starts a crawl now; refused while one runs. */
  SourceView crawlNow(UUID id, StaffMember admin) {
    store.get(id);
    if (!runner.start(id, admin)) {
      throw new ProblemException(Status.CONFLICT, "problem.source.title", "problem.source.crawling");
    }
    return store.get(id);
  }

  private static SourceType type(String type) {
    if (type != null) {
      switch (type.strip().toLowerCase(Locale.ROOT)) {
        case "web":
          return SourceType.WEB;
        case "pdf":
          return SourceType.PDF;
        default:
          break;
      }
    }
    throw ProblemException.badRequest("problem.source.type");
  }

  private static Approval approval(String approval) {
    if (approval != null) {
      switch (approval.strip().toLowerCase(Locale.ROOT)) {
        case "auto":
          return Approval.AUTO;
        case "editor":
          return Approval.EDITOR;
        default:
          break;
      }
    }
    throw ProblemException.badRequest("problem.source.approval");
  }

  /** An absolute http(s) URL inside the city's network (or on the allow-list), without fragment. */
  private URI url(String url) {
    if (url == null || url.isBlank()) {
      throw ProblemException.badRequest("problem.source.url.missing");
    }
    if (url.length() > MAX_URL) {
      throw ProblemException.badRequest("problem.source.url.invalid");
    }
    Optional<LocalOnly.Refusal> refusal = rule.check(url);
    if (refusal.isPresent()) {
      throw ProblemException.badRequest(
          refusal.get().reason() == LocalOnly.Reason.NOT_LOCAL ? "problem.source.url.not-local" : "problem.source.url.invalid");
    }
    try {
      URI uri = new URI(url.strip());
      if (uri.getRawUserInfo() != null) {
        throw ProblemException.badRequest("problem.source.url.invalid");
      }
      String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
      return new URI(uri.getScheme().toLowerCase(Locale.ROOT), uri.getAuthority(), path, uri.getQuery(), null);
    } catch (URISyntaxException e) {
      throw ProblemException.badRequest("problem.source.url.invalid");
    }
  }

  /** Fetches the source once, as its crawls will: what cannot be read is refused now. */
  private void probe(SourceType type, URI url) {
    PoliteClient client = crawler.client();
    long limit = type == SourceType.PDF ? config.maxPdfSize().asLongValue() : config.maxPageSize().asLongValue();
    Fetch fetch = client.get(url, null, null, limit);
    if (fetch instanceof Fetch.Gone gone) {
      throw unusable(PageProblem.HTTP_STATUS, String.valueOf(gone.status()));
    }
    if (fetch instanceof Fetch.Failed failed) {
      throw unusable(failed.problem(), failed.detail());
    }
    if (!(fetch instanceof Fetch.Content content)) {
      throw unusable(PageProblem.UNREADABLE, "");
    }
    String contentType = safe(content.contentType());
    boolean pdf = PdfReader.looksLikePdf(content.body());
    if (type == SourceType.PDF) {
      if (!pdf) {
        throw unusable(PageProblem.NOT_PDF, contentType);
      }
      try {
        PdfReader.read(content.body(), url.getPath());
      } catch (PdfReader.Unreadable e) {
        throw unusable(e.scanned() ? PageProblem.NO_TEXT : PageProblem.UNREADABLE, e.scanned() ? "" : "PDF");
      }
      return;
    }
    String lower = contentType.toLowerCase(Locale.ROOT);
    if (SitemapReader.isSitemap(content.url(), lower, content.body())) {
      try {
        SitemapReader.Listing listing = SitemapReader.read(content.url(), content.contentType(), content.body());
        if (listing.pages().isEmpty() && listing.sitemaps().isEmpty()) {
          throw unusable(PageProblem.UNREADABLE, "sitemap");
        }
      } catch (IOException e) {
        throw unusable(PageProblem.UNREADABLE, "sitemap");
      }
      return;
    }
    if (pdf || !lower.contains("html")) {
      throw unusable(PageProblem.NOT_SUPPORTED, contentType);
    }
  }

  private static ProblemException unusable(PageProblem problem, String detail) {
    return new ProblemException(
        Status.BAD_REQUEST, "problem.source.title", "source.problem." + problem.name(), detail == null ? "" : detail);
  }

  /** A content type as the server sent it, cut to what a content type may hold. */
  private static String safe(String contentType) {
    String cleaned = contentType == null ? "" : contentType.replaceAll("[^\\w/+.;= -]", "").strip();
    return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned.isEmpty() ? "?" : cleaned;
  }
}

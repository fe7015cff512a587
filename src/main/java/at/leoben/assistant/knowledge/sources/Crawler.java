package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.outbound.LocalOnly;
import at.leoben.assistant.outbound.OutboundConfig;
import at.leoben.assistant.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One crawl of a source: for a website, its sitemap's pages or the pages reachable by links from the
 * start page (same host, below the start path, a few links deep); for a PDF, the PDF. Pages seen in
 * earlier crawls but not found this time are asked for directly, so a page that vanished is noticed.
 * Each page is read and handed to {@link Changes} in a transaction of its own.
 */
@ApplicationScoped
class Crawler {

  private static final Logger LOG = Logger.getLogger(Crawler.class);
  private static final int MAX_SITEMAPS = 50;
  /** Links to these are no pages: not fetched at all. */
  private static final Pattern NOT_A_PAGE =
      Pattern.compile(
          ".*\\.(?:jpe?g|png|gif|webp|svg|ico|css|js|mjs|json|zip|gz|rar|7z|mp3|mp4|avi|mov|webm|docx?|xlsx?|pptx?|odt|ods|ics|vcf|xml|rss|atom|woff2?|ttf|eot)$",
          Pattern.CASE_INSENSITIVE);

  private final SourceStore sources;
  private final Changes changes;
  private final SourcesConfig config;
  private final LocalOnly rule;
  private final HttpClient http;
  private final Clock clock;

  Crawler(SourceStore sources, Changes changes, SourcesConfig config, OutboundConfig outbound, Clock clock) {
    this.sources = sources;
    this.changes = changes;
    this.config = config;
    this.rule = new LocalOnly(outbound.allowedHosts().orElse(List.of()));
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.clock = clock;
  }

  /** A polite client for one crawl or one probe. */
  PoliteClient client() {
    return new PoliteClient(http, config, rule);
  }

  /** Crawls a claimed source; the caller ends the claim with the report. */
  CrawlReport crawl(UUID sourceId, StaffMember by) {
    return new Run(sources.snapshot(sourceId), by).run();
  }

  /** The state of one crawl: what is queued, seen and counted. */
  private final class Run {
    private final SourceStore.Snapshot source;
    private final StaffMember by;
    private final PoliteClient client = client();
    private final Instant started = Instant.now(clock);
    private final Map<String, Changes.PageState> known;
    private final Set<String> seen = new HashSet<>();
    private final Deque<Target> queue = new ArrayDeque<>();
    private final List<CrawlReport.Problem> problems = new ArrayList<>();
    private int pages;
    private int notModified;
    private int unchanged;
    private int added;
    private int changed;
    private int vanished;
    private int waiting;

    private record Target(URI url, int depth) {}

    Run(SourceStore.Snapshot source, StaffMember by) {
      this.source = source;
      this.by = by;
      this.known = changes.pages(source.id());
    }

    CrawlReport run() {
      URI start = URI.create(source.url());
      if (source.type() == SourceType.PDF) {
        visit(start, false, 0);
      } else {
        visit(start, true, 0);
        while (!queue.isEmpty() && pages < config.maxPages()) {
          Target next = queue.removeFirst();
          visit(next.url(), false, next.depth());
        }
        if (!queue.isEmpty()) {
          problems.add(new CrawlReport.Problem(source.url(), PageProblem.TOO_LARGE, config.maxPages() + " pages"));
        }
      }
      // Pages of earlier crawls that were not found this time: still there, or vanished?
      for (Changes.PageState page : known.values()) {
        if (!page.gone() && !seen.contains(page.url())) {
          visit(URI.create(page.url()), false, Integer.MAX_VALUE);
        }
      }
      CrawlReport report =
          new CrawlReport(
              started, Instant.now(clock), by == null ? null : by.username(), client.requests(), pages, notModified,
              unchanged, added, changed, vanished, waiting, problems);
      LOG.infof("Crawled knowledge source %s: %s", source.id(), report.summary());
      return report;
    }

    /** Fetches one URL and does what its answer asks: read it, list a sitemap, note a problem. */
    private void visit(URI url, boolean isStart, int depth) {
      if (!seen.add(url.toString())) {
        return;
      }
      Changes.PageState before = known.get(url.toString());
      boolean pdf = source.type() == SourceType.PDF || url.getPath().toLowerCase(Locale.ROOT).endsWith(".pdf");
      long limit = pdf ? config.maxPdfSize().asLongValue() : config.maxPageSize().asLongValue();
      Fetch fetch =
          before == null || before.gone()
              ? client.get(url, null, null, limit)
              : client.get(url, before.etag(), before.lastModified(), limit);
      if (fetch instanceof Fetch.NotModified) {
        pages++;
        notModified++;
      } else if (fetch instanceof Fetch.Gone gone) {
        if (count(changes.gone(source, url.toString())) == Changes.Outcome.NOTHING && before == null) {
          problem(url, PageProblem.HTTP_STATUS, String.valueOf(gone.status()));
        }
      } else if (fetch instanceof Fetch.Failed failed) {
        problem(url, failed.problem(), failed.detail());
        if (failed.problem() == PageProblem.ROBOTS) {
          count(changes.gone(source, url.toString())); // no longer ours to read
        }
      } else if (fetch instanceof Fetch.Content content) {
        read(url, content, isStart, depth);
      }
    }

    private void read(URI url, Fetch.Content fetched, boolean isStart, int depth) {
      byte[] body = fetched.body();
      String type = fetched.contentType().toLowerCase(Locale.ROOT);
      if (source.type() == SourceType.WEB && isStart && SitemapReader.isSitemap(url, type, body)) {
        sitemap(url, fetched);
        return;
      }
      pages++;
      PageContent content;
      try {
        if (PdfReader.looksLikePdf(body)) {
          content = PdfReader.read(body, fileName(url));
        } else if (source.type() == SourceType.PDF) {
          problem(url, PageProblem.NOT_PDF, type);
          return;
        } else if (type.contains("html") || (type.isEmpty() && looksLikeHtml(body))) {
          HtmlReader.Read page = HtmlReader.read(body, fetched.contentType(), fetched.url());
          if (!page.noFollow() && depth < config.maxDepth()) {
            follow(page.links(), depth + 1);
          }
          if (page.noIndex()) {
            problem(url, PageProblem.NO_INDEX, null);
            return;
          }
          content = page.content();
        } else {
          problem(url, PageProblem.NOT_SUPPORTED, type);
          return;
        }
      } catch (PdfReader.Unreadable e) {
        problem(url, e.scanned() ? PageProblem.NO_TEXT : PageProblem.UNREADABLE, e.scanned() ? null : "PDF");
        return;
      } catch (IOException | RuntimeException e) {
        problem(url, PageProblem.UNREADABLE, e.getClass().getSimpleName());
        return;
      }
      if (content.isEmpty()) {
        problem(url, PageProblem.UNREADABLE, "no text");
        return;
      }
      count(changes.read(source, url, content, fetched.etag(), fetched.lastModified()));
    }

    private void sitemap(URI url, Fetch.Content first) {
      Deque<Fetch.Content> maps = new ArrayDeque<>(List.of(first));
      int read = 0;
      while (!maps.isEmpty() && read++ < MAX_SITEMAPS) {
        Fetch.Content map = maps.removeFirst();
        SitemapReader.Listing listing;
        try {
          listing = SitemapReader.read(map.url(), map.contentType(), map.body());
        } catch (IOException e) {
          problem(map.url(), PageProblem.UNREADABLE, "sitemap");
          continue;
        }
        listing.pages().forEach(page -> queue.addLast(new Target(page, config.maxDepth())));
        for (URI child : listing.sitemaps()) {
          if (seen.add(child.toString())) {
            Fetch fetch = client.get(child, null, null, config.maxPageSize().asLongValue());
            if (fetch instanceof Fetch.Content content) {
              maps.addLast(content);
            } else if (fetch instanceof Fetch.Failed failed) {
              problem(child, failed.problem(), failed.detail());
            }
          }
        }
      }
    }

    /** Links on the same host, below the start page's folder, that look like pages. */
    private void follow(List<URI> links, int depth) {
      URI start = URI.create(source.url());
      String folder = start.getPath() == null || start.getPath().isEmpty() ? "/" : start.getPath().substring(0, start.getPath().lastIndexOf('/') + 1);
      for (URI link : links) {
        boolean sameSite =
            link.getScheme().equalsIgnoreCase(start.getScheme())
                && String.valueOf(link.getRawAuthority()).equalsIgnoreCase(start.getRawAuthority());
        String path = link.getPath() == null || link.getPath().isEmpty() ? "/" : link.getPath();
        if (sameSite && path.startsWith(folder) && !NOT_A_PAGE.matcher(path).matches() && !seen.contains(link.toString())) {
          queue.addLast(new Target(link, depth));
        }
      }
    }

    private Changes.Outcome count(Changes.Outcome outcome) {
      switch (outcome) {
        case UNCHANGED -> unchanged++;
        case ADDED -> added++;
        case CHANGED -> changed++;
        case VANISHED -> vanished++;
        case WAITING -> waiting++;
        case NOTHING -> { }
      }
      return outcome;
    }

    private void problem(URI url, PageProblem problem, String detail) {
      problems.add(new CrawlReport.Problem(url.toString(), problem, detail));
    }
  }

  private static boolean looksLikeHtml(byte[] body) {
    String start = new String(body, 0, Math.min(body.length, 256), StandardCharsets.UTF_8).stripLeading();
    return start.regionMatches(true, 0, "<!doctype html", 0, 14) || start.regionMatches(true, 0, "<html", 0, 5);
  }

  private static String fileName(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() ? url.toString() : name;
  }
}

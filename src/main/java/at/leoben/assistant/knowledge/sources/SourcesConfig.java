package at.leoben.assistant.knowledge.sources;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code assistant.sources.*}: how the service fetches the city's websites and PDFs. */
@ConfigMapping(prefix = "assistant.sources")
public interface SourcesConfig {

  /** A source's schedule when the admin names none: nightly at 03:00 (Europe/Vienna). */
  @WithDefault("0 0 3 * * ?")
  String defaultSchedule();

  /** How often the service looks for sources that are due ("off" stops scheduled crawls). */
  @WithDefault("1m")
  String tick();

  /** The User-Agent of every request; its first word is the name robots.txt rules are read for. */
  @WithDefault("LeobenBuergerassistent/1.0 (+https://www.leoben.at)")
  String userAgent();

  /** The least time between two requests to the same host; a longer robots.txt Crawl-delay wins. */
  @WithDefault("1s")
  Duration delay();

  /** A robots.txt Crawl-delay longer than this is cut to it (a whole site must fit into a night). */
  @WithDefault("30s")
  Duration maxDelay();

  @WithDefault("5s")
  Duration connectTimeout();

  /** Upper bound for one request, headers and body. */
  @WithDefault("20s")
  Duration timeout();

  /** A web page larger than this is not read. */
  @WithDefault("2M")
  MemorySize maxPageSize();

  /** A PDF larger than this is not read. */
  @WithDefault("20M")
  MemorySize maxPdfSize();

  /** Pages one web source may have at most. */
  @WithDefault("500")
  int maxPages();

  /** How many links deep a crawl from a start page goes (a sitemap names its pages itself). */
  @WithDefault("3")
  int maxDepth();

  @WithDefault("5")
  int maxRedirects();

  /** A crawl that has not finished after this long is taken to have died and may start again. */
  @WithDefault("2h")
  Duration lease();
}

package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.outbound.LocalOnly;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP of one crawl, polite to every host: robots.txt read first and obeyed (also its
 * Crawl-delay), one request at a time with a pause between two to the same host, conditional
 * requests with the validators of the last visit, a size limit and a time limit for each request.
 * Every URL, including each redirect's target, must keep to the local-only rule. Not thread-safe:
 * one crawl, one thread.
 */
final class PoliteClient {

  private static final String ACCEPT =
      "text/html,application/xhtml+xml,application/pdf;q=0.9,application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1";
  private static final long ROBOTS_MAX_BYTES = 500 * 1024;

  /** What the crawl knows about one host: its robots.txt rules and when it may be asked again. */
  private static final class Host {
    BaseRobotRules rules;
    Duration delay;
    long nextRequestNanos;
  }

  private final HttpClient http;
  private final SourcesConfig config;
  private final LocalOnly rule;
  private final String robotName;
  private final Map<String, Host> hosts = new HashMap<>();
  private final SimpleRobotRulesParser robots = new SimpleRobotRulesParser();
  private int requests;

  PoliteClient(HttpClient http, SourcesConfig config, LocalOnly rule) {
    this.http = http;
    this.config = config;
    this.rule = rule;
    this.robotName = config.userAgent().split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
  }

  /** HTTP requests sent so far, robots.txt and redirects included. */
  int requests() {
    return requests;
  }

  /**
   * GETs a page, following redirects; conditional when validators are given.
   *
   * @param maxBytes a larger body is not read
   */
  Fetch get(URI url, String etag, String lastModified, long maxBytes) {
    Set<URI> chain = new LinkedHashSet<>();
    URI current = url;
    for (int hop = 0; ; hop++) {
      Optional<LocalOnly.Refusal> refusal = rule.check(current.toString());
      if (refusal.isPresent()) {
        return new Fetch.Failed(PageProblem.NOT_LOCAL, String.valueOf(refusal.get().host()));
      }
      if (!chain.add(current)) {
        return new Fetch.Failed(PageProblem.REDIRECT_LOOP, current.toString());
      }
      if (hop > config.maxRedirects()) {
        return new Fetch.Failed(PageProblem.TOO_MANY_REDIRECTS, String.valueOf(config.maxRedirects()));
      }
      Host host = host(current);
      if (!host.rules.isAllowed(current.toString())) {
        return new Fetch.Failed(PageProblem.ROBOTS, current.getPath());
      }
      HttpResponse<byte[]> response;
      try {
        response = send(host, current, hop == 0 ? etag : null, hop == 0 ? lastModified : null, maxBytes);
      } catch (Failure failure) {
        return failure.fetch;
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("location");
      if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
        try {
          current = current.resolve(location.get().strip());
        } catch (IllegalArgumentException e) {
          return new Fetch.Failed(PageProblem.UNREADABLE, "Location: " + location.get());
        }
        continue;
      }
      if (status == 304) {
        return new Fetch.NotModified();
      }
      if (status == 404 || status == 410) {
        return new Fetch.Gone(status);
      }
      if (status < 200 || status >= 300) {
        return new Fetch.Failed(PageProblem.HTTP_STATUS, String.valueOf(status));
      }
      return new Fetch.Content(
          current,
          response.headers().firstValue("content-type").orElse(""),
          response.body(),
          response.headers().firstValue("etag").orElse(null),
          response.headers().firstValue("last-modified").orElse(null));
    }
  }

  private Host host(URI url) {
    String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority().toLowerCase(Locale.ROOT);
    Host known = hosts.get(origin);
    if (known != null) {
      return known;
    }
    Host host = new Host();
    host.delay = config.delay();
    hosts.put(origin, host);
    host.rules = readRobots(host, URI.create(origin + "/robots.txt"));
    long crawlDelay = host.rules.getCrawlDelay();
    if (crawlDelay > 0) {
      Duration asked = Duration.ofMillis(crawlDelay);
      Duration capped = asked.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : asked;
      host.delay = capped.compareTo(config.delay()) > 0 ? capped : config.delay();
      // The pause after the robots.txt request itself was the default one: extend it.
      host.nextRequestNanos += host.delay.minus(config.delay()).toNanos();
    }
    return host;
  }

  /** RFC 9309: a missing robots.txt allows everything, an unreachable one nothing. */
  private BaseRobotRules readRobots(Host host, URI robotsUrl) {
    URI current = robotsUrl;
    for (int hop = 0; hop <= config.maxRedirects(); hop++) {
      if (rule.check(current.toString()).isPresent()) {
        return robots.failedFetch(404);
      }
      HttpResponse<byte[]> response;
      try {
        response = send(host, current, null, null, ROBOTS_MAX_BYTES);
      } catch (Failure failure) {
        return robots.failedFetch(failure.fetch.problem() == PageProblem.TOO_LARGE ? 404 : 503);
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("location");
      if (status >= 300 && status < 400 && location.isPresent()) {
        current = current.resolve(location.get().strip());
        continue;
      }
      if (status >= 200 && status < 300) {
        return robots.parseContent(
            current.toString(), response.body(), response.headers().firstValue("content-type").orElse("text/plain"), List.of(robotName));
      }
      return robots.failedFetch(status);
    }
    return robots.failedFetch(404);
  }

  private static final class Failure extends Exception {
    final Fetch.Failed fetch;

    Failure(PageProblem problem, String detail) {
      super(problem.name(), null, false, false);
      this.fetch = new Fetch.Failed(problem, detail);
    }
  }

  /** One request, after the host's pause; the whole exchange bounded in time and size. */
  private HttpResponse<byte[]> send(Host host, URI url, String etag, String lastModified, long maxBytes) throws Failure {
    pause(host);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .GET()
            .timeout(config.timeout())
            .header("User-Agent", config.userAgent())
            .header("Accept", ACCEPT)
            .header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5");
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    requests++;
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(
            request.build(),
            info -> {
              long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
              return declared > maxBytes ? new LimitedBody(0) : new LimitedBody(maxBytes);
            });
    try {
      return exchange.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new Failure(PageProblem.TIMEOUT, config.timeout().toSeconds() + " s");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failure(PageProblem.TIMEOUT, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof LimitedBody.TooLarge || cause != null && cause.getCause() instanceof LimitedBody.TooLarge) {
        throw new Failure(PageProblem.TOO_LARGE, (maxBytes / 1024) + " KB");
      }
      if (cause instanceof HttpTimeoutException) {
        throw new Failure(PageProblem.TIMEOUT, config.timeout().toSeconds() + " s");
      }
      throw new Failure(PageProblem.UNREACHABLE, cause instanceof IOException ? cause.getClass().getSimpleName() : String.valueOf(cause));
    } finally {
      host.nextRequestNanos = System.nanoTime() + host.delay.toNanos();
    }
  }

  private static void pause(Host host) throws Failure {
    long wait = host.nextRequestNanos - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Failure(PageProblem.TIMEOUT, "interrupted");
      }
    }
  }
}

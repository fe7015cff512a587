package at.leoben.assistant.bench;

import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run by hand through {@code bench/recrawl.sh}: what a re-crawl of 1,000 unchanged pages costs. A
 * generated city site (a sitemap, 1,000 pages with navigation and footer, ETag and Last-Modified)
 * is crawled by the packaged service once (everything new), then again unchanged (the server answers
 * 304 to the conditional requests), then again with a server that ignores the validators (every page
 * downloaded again, the content hash finds it unchanged). Reports time, requests, bytes and whether
 * anything was indexed again.
 */
public final class RecrawlBench {

  private static final int PAGES = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> WORDS =
      List.of(
          "Antrag", "Gebühr", "Bürgerservice", "Öffnungszeiten", "Rathaus", "Formular", "Termin", "Abgabe", "Bescheid",
          "Parkplatz", "Kindergarten", "Müll", "Wasser", "Kanal", "Bauverfahren", "Förderung", "Veranstaltung",
          "Sportplatz", "Bücherei", "Friedhof", "Meldezettel", "Reisepass", "Hund", "Fundamt", "Wohnung", "Schule",
          "montags", "bis", "und", "für", "Sie", "bitte", "im", "der", "die", "das", "ein", "zwei", "Euro", "Uhr");

  public static void main(String[] args) throws Exception {
    String jdbcUrl = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/buergerassistent_recrawl";
    try (GeneratedSite site = GeneratedSite.start(PAGES);
        OllamaStandIn ollama = OllamaStandIn.start();
        ServiceProcess service =
            BenchService.start(
                ollama.baseUrl(),
                jdbcUrl,
                List.of(),
                Map.of(
                    "ASSISTANT_STAFF_BOOTSTRAP_ADMIN_USERNAME", "admin",
                    "ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD", ServiceProcess.ADMIN_PASSWORD,
                    "ASSISTANT_SOURCES_TICK", "off",
                    "ASSISTANT_SOURCES_DELAY", "0s",
                    "ASSISTANT_SOURCES_MAX_PAGES", String.valueOf(PAGES + 100)))) {
      service.awaitReady();
      String id =
          post(service, "/api/v1/admin/knowledge/sources",
                  "{\"type\":\"web\",\"url\":\"" + site.url("/sitemap.xml") + "\",\"approval\":\"auto\"}")
              .path("id")
              .asText();
      System.out.printf("site: %d pages of about %d bytes each, sitemap %d bytes%n", PAGES, site.pageBytes(), site.sitemapBytes());
      System.out.println("pause between requests: 0 s (ASSISTANT_SOURCES_DELAY=0s, no Crawl-delay): the service's own cost");

      run(service, site, jdbcUrl, id, "first crawl (all new)");
      run(service, site, jdbcUrl, id, "re-crawl, unchanged, conditional requests (304)");
      site.ignoreValidators = true;
      run(service, site, jdbcUrl, id, "re-crawl, unchanged, server ignores ETag/Last-Modified (200)");
    }
  }

  private static void run(ServiceProcess service, GeneratedSite site, String jdbcUrl, String id, String what)
      throws Exception {
    Index before = index(jdbcUrl);
    site.requests.set(0);
    site.bytes.set(0);
    long started = System.nanoTime();
    post(service, "/api/v1/admin/knowledge/sources/" + id + "/crawl", "");
    JsonNode source;
    do {
      Thread.sleep(100);
      source = get(service, "/api/v1/admin/knowledge/sources/" + id);
    } while (source.path("crawling").asBoolean());
    double seconds = (System.nanoTime() - started) / 1e9;
    Index after = index(jdbcUrl);
    JsonNode report = source.path("lastReport");
    System.out.printf(
        "%s: %.1f s, %d requests (%d at the server, %d answered 304), %.1f MB downloaded;"
            + " %d new, %d changed, %d unchanged by hash; passages inserted: %d, knowledge revision moved: %s%n",
        what, seconds, report.path("requests").asInt(), site.requests.get(), report.path("notModified").asInt(),
        site.bytes.get() / 1e6, report.path("added").asInt(), report.path("changed").asInt(), report.path("unchanged").asInt(),
        after.maxPassageId - before.maxPassageId, !after.revision.equals(before.revision));
  }

  private record Index(long maxPassageId, String revision) {}

  private static Index index(String jdbcUrl) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement statement = db.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select coalesce((select max(id) from knowledge_passage), 0),"
                    + " (select changed_at::text from knowledge_revision where id = 1)")) {
      row.next();
      return new Index(row.getLong(1), row.getString(2));
    }
  }

  private static JsonNode post(ServiceProcess service, String path, String json) throws Exception {
    return send(service, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static JsonNode get(ServiceProcess service, String path) throws Exception {
    return send(service, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + path)).GET());
  }

  private static JsonNode send(ServiceProcess service, HttpRequest.Builder request) throws Exception {
    String basic = Base64.getEncoder().encodeToString(("admin:" + ServiceProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        ServiceProcess.HTTP.send(request.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** 1,000 generated pages with a sitemap, answering conditional requests unless told not to. */
  private static final class GeneratedSite implements AutoCloseable {
    private final HttpServer server;
    private final String[] pages;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean ignoreValidators;
    private String sitemap;

    private GeneratedSite(HttpServer server, int count) {
      this.server = server;
      this.pages = new String[count];
      Random random = new Random(42);
      for (int i = 0; i < count; i++) {
        StringBuilder main = new StringBuilder("<h1>Seite ").append(i).append("</h1>");
        for (int section = 0; section < 3; section++) {
          main.append("<h2 id=\"s").append(section).append("\">Abschnitt ").append(section).append("</h2><p>");
          for (int word = 0; word < 80; word++) {
            main.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
          }
          main.append("</p>");
        }
        pages[i] =
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Seite " + i + "</title></head><body>"
                + "<nav><a href=\"/\">Start</a> <a href=\"/p/1.html\">Eins</a></nav><main>" + main
                + "</main><footer>Impressum · Datenschutz</footer></body></html>";
      }
    }

    static GeneratedSite start(int count) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      GeneratedSite site = new GeneratedSite(server, count);
      StringBuilder sitemap = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
      for (int i = 0; i < count; i++) {
        sitemap.append("<url><loc>").append(site.url("/p/" + i + ".html")).append("</loc></url>\n");
      }
      site.sitemap = sitemap.append("</urlset>\n").toString();
      server.createContext("/", site::handle);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.start();
      return site;
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int pageBytes() {
      return pages[0].getBytes(StandardCharsets.UTF_8).length;
    }

    int sitemapBytes() {
      return sitemap.length();
    }

    private void handle(HttpExchange exchange) throws IOException {
      requests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      String type = "text/html; charset=utf-8";
      if (path.equals("/sitemap.xml")) {
        body = sitemap.getBytes(StandardCharsets.UTF_8);
        type = "application/xml";
      } else if (path.startsWith("/p/") && path.endsWith(".html")) {
        int page = Integer.parseInt(path.substring(3, path.length() - 5));
        body = pages[page].getBytes(StandardCharsets.UTF_8);
        String etag = "\"p" + page + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", "Mon, 03 Mar 2025 08:00:00 GMT");
        if (!ignoreValidators && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
          exchange.close();
          return;
        }
      } else {
        body = "nicht gefunden".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(200, body.length);
      bytes.addAndGet(body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}

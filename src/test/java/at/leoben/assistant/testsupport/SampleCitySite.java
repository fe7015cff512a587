package at.leoben.assistant.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * A small city website on 127.0.0.1, as the knowledge-source tests crawl it: a sitemap, pages with
 * navigation and footers, a page that changes between two crawls ({@link #changeFleaMarket}), one
 * that disappears ({@link #removeSummerCinema}), one behind robots.txt, a PDF fee schedule, a
 * scanned PDF, a slow page, a huge one, a redirect loop, a redirect off the city's network and a
 * JSON file. It answers conditional
 * requests (ETag, Last-Modified) as a real server does and records every request it gets.
 */
public final class SampleCitySite implements AutoCloseable {

  /** What the site saw: one request, when it started (nanoTime) and with which headers. */
  public record Request(String method, String path, Map<String, String> headers, long startedNanos, int status) {}

  /** robots.txt asks for 0.3 s between requests: more than the tests' configured pause. */
  public static final Duration CRAWL_DELAY = Duration.ofMillis(300);

  public static final int HUGE_BYTES = 20 * 1024 * 1024;

  private record Resource(String type, byte[] body, String lastModified) {}

  private final HttpServer server;
  private final Map<String, Resource> resources = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  // A slow request of an earlier test may finish after a clear: it is recorded, but not counted.
  private volatile long countFrom = Long.MIN_VALUE;
  private final AtomicLong hugeBytesSent = new AtomicLong();
  private volatile Duration slowPageDelay = Duration.ofSeconds(5);

  private SampleCitySite(HttpServer server) {
    this.server = server;
  }

  public static SampleCitySite start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      SampleCitySite site = new SampleCitySite(server);
      site.publish();
      server.createContext("/", site::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return site;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The requests that started since the last clear. */
  public List<Request> requests() {
    long from = countFrom;
    return requests.stream().filter(r -> r.startedNanos() >= from).toList();
  }

  public List<Request> requestsFor(String path) {
    return requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  public void clearRequests() {
    countFrom = System.nanoTime();
    requests.clear();
  }

  /** The site as it was at the start, requests forgotten. */
  public void reset() {
    resources.clear();
    publish();
    hugeBytesSent.set(0);
    clearRequests();
  }

  /** How much of the huge page was written before the client hung up. */
  public long hugeBytesSent() {
    return hugeBytesSent.get();
  }

  /** The flea market moves from the first to the second Saturday of the month. */
  public void changeFleaMarket() {
    html(
        "/leben/flohmarkt.html",
        layout("Flohmarkt", FLEA_MARKET.replace("jeden ersten Samstag", "jeden zweiten Samstag")),
        "Wed, 02 Apr 2025 08:00:00 GMT");
  }

  public void removeSummerCinema() {
    resources.remove("/veranstaltungen/sommerkino.html");
  }

  /** Adds (or replaces) a page of the site. */
  public void page(String path, String title, String main) {
    html(path, layout(title, main), "Thu, 03 Apr 2025 08:00:00 GMT");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // --- the site ---

  private static final String FLEA_MARKET =
      """
      <h1>Flohmarkt am Kirchplatz</h1>
      <p>Der Flohmarkt am Kirchplatz findet jeden ersten Samstag im Monat von 7 bis 13 Uhr statt.</p>
      <h2 id="standplatz">Standplatz anmelden</h2>
      <p>Einen Standplatz für den Flohmarkt melden Sie bis Donnerstag beim Marktamt an. Ein Standplatz kostet 15 Euro.</p>
      """;

  private void publish() {
    text("/robots.txt", "User-agent: *\nDisallow: /intern/\nCrawl-delay: 0.3\n", "text/plain");
    String sitemap =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        %s</urlset>
        """
            .formatted(
                String.join(
                    "",
                    List.of(
                            "/index.html",
                            "/leben/eislaufplatz.html",
                            "/leben/flohmarkt.html",
                            "/veranstaltungen/sommerkino.html",
                            "/intern/dienstplan.html",
                            "/gebuehren/baedertarife.pdf",
                            "/langsam.html",
                            "/riesig.html")
                        .stream()
                        .map(path -> "  <url><loc>" + url(path) + "</loc></url>\n")
                        .toList()));
    text("/sitemap.xml", sitemap, "application/xml");
    html(
        "/index.html",
        layout(
            "Willkommen in Leoben",
            "<h1>Willkommen in Leoben</h1><p>Die Montanstadt an der Mur lädt zum Eislaufen, Stöbern und ins Freiluftkino ein.</p>"),
        "Mon, 03 Mar 2025 08:00:00 GMT");
    html(
        "/leben/eislaufplatz.html",
        layout(
            "Eislaufplatz",
            """
            <h1>Eislaufplatz im Stadtpark</h1>
            <p>Der Eislaufplatz im Stadtpark ist von Dezember bis Februar geöffnet.</p>
            <h2 id="oeffnungszeiten">Öffnungszeiten des Eislaufplatzes</h2>
            <p>Montag bis Sonntag von 10 bis 20 Uhr, an Feiertagen bis 18 Uhr.</p>
            <div id="c42" class="frame"><h2>Eintrittspreise</h2>
            <table><tr><th>Karte</th><th>Preis</th></tr><tr><td>Erwachsene</td><td>5,50 Euro</td></tr><tr><td>Kinder</td><td>2,80 Euro</td></tr></table></div>
            <h2>Schlittschuhverleih</h2>
            <p>Schlittschuhe leihen Sie an der Kassa um 4 Euro pro Paar gegen einen Ausweis.</p>
            """),
        "Mon, 03 Mar 2025 08:00:00 GMT");
    html("/leben/flohmarkt.html", layout("Flohmarkt", FLEA_MARKET), "Mon, 03 Mar 2025 08:00:00 GMT");
    html(
        "/veranstaltungen/sommerkino.html",
        layout(
            "Sommerkino",
            "<h1>Sommerkino im Stadtpark</h1><p>Das Sommerkino zeigt im Juli jeden Freitag einen Film unter freiem Himmel.</p>"),
        "Mon, 03 Mar 2025 08:00:00 GMT");
    html(
        "/intern/dienstplan.html",
        layout("Dienstplan", "<h1>Interner Dienstplan</h1><p>Streng vertraulicher Dienstplan der Hausverwaltung.</p>"),
        "Mon, 03 Mar 2025 08:00:00 GMT");
    resources.put("/gebuehren/baedertarife.pdf", new Resource("application/pdf", feeSchedule(), "Mon, 03 Mar 2025 08:00:00 GMT"));
    resources.put("/gebuehren/scan.pdf", new Resource("application/pdf", scan(), "Mon, 03 Mar 2025 08:00:00 GMT"));
    text("/daten.json", "{\"oeffnungszeiten\": \"8-16\"}", "application/json");
  }

  private static String layout(String title, String main) {
    return """
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"><title>%s | Stadt Leoben</title>
        <script>var tracking = "Skriptinhalt nicht indexieren";</script><style>body { color: black }</style></head>
        <body>
        <header><a href="/index.html">Stadtgemeinde Leoben</a> <form><input name="suche"> <button>Suchen</button></form></header>
        <nav><ul><li><a href="/index.html">Startseite</a></li><li><a href="/leben/eislaufplatz.html">Eislaufen</a></li>
        <li><a href="/leben/flohmarkt.html">Flohmarkt</a></li><li><a href="/intern/dienstplan.html">Intern</a></li>
        <li><a href="/veranstaltungen/sommerkino.html">Sommerkino</a></li><li><a href="/gebuehren/baedertarife.pdf">Bädertarife</a></li></ul></nav>
        <main>%s</main>
        <footer><p>Impressum · Datenschutzerklärung · Barrierefreiheitserklärung · © Stadtgemeinde Leoben</p></footer>
        </body></html>
        """
        .formatted(title, main);
  }

  private void html(String path, String page, String lastModified) {
    resources.put(path, new Resource("text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), lastModified));
  }

  private void text(String path, String body, String type) {
    resources.put(path, new Resource(type, body.getBytes(StandardCharsets.UTF_8), "Mon, 03 Mar 2025 08:00:00 GMT"));
  }

  /** The baths' fee schedule: a heading per page set larger than the body, and a title. */
  private static byte[] feeSchedule() {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      document.getDocumentInformation().setTitle("Tarifordnung der städtischen Bäder");
      writePage(document, bold, font, "Tarife Hallenbad",
          List.of("Tageskarte Erwachsene: 7,20 Euro", "Tageskarte Kinder bis 15 Jahre: 3,60 Euro", "Familienkarte: 16,00 Euro"));
      writePage(document, bold, font, "Sauna",
          List.of("Saunakarte für drei Stunden: 12,00 Euro", "Zehnerblock Sauna: 100,00 Euro"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writePage(PDDocument document, PDType1Font heading, PDType1Font body, String title, List<String> lines)
      throws IOException {
    PDPage page = new PDPage();
    document.addPage(page);
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.beginText();
      content.setFont(heading, 18);
      content.newLineAtOffset(72, 720);
      content.showText(title);
      content.setFont(body, 11);
      for (String line : lines) {
        content.newLineAtOffset(0, -24);
        content.showText(line);
      }
      content.endText();
    }
  }

  /** A scanned page: an image of text, no text itself. */
  private static byte[] scan() {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
      Graphics2D graphics = image.createGraphics();
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, 400, 200);
      graphics.setColor(Color.BLACK);
      for (int line = 0; line < 6; line++) {
        graphics.fillRect(20, 20 + line * 30, 300 - line * 20, 10);
      }
      graphics.dispose();
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawImage(LosslessFactory.createFromImage(document, image), 72, 400, 400, 200);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- serving ---

  private void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String path = exchange.getRequestURI().getPath();
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
    int status;
    try {
      status = serve(exchange, path, headers);
    } catch (IOException e) {
      status = -1; // the client hung up
    } finally {
      exchange.close();
    }
    requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(headers), started, status));
  }

  private int serve(HttpExchange exchange, String path, Map<String, String> headers) throws IOException {
    switch (path) {
      case "/langsam.html" -> {
        try {
          Thread.sleep(slowPageDelay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return send(exchange, 200, "text/html", layout("Langsam", "<h1>Langsame Seite</h1><p>Endlich da.</p>").getBytes(StandardCharsets.UTF_8));
      }
      case "/riesig.html" -> {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, 0); // chunked: the client learns the size only by reading
        byte[] chunk = ("<p>" + "Sehr viel Text über alles und nichts. ".repeat(1600) + "</p>\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write("<!DOCTYPE html><html><body><main><h1>Riesige Seite</h1>".getBytes(StandardCharsets.UTF_8));
          while (hugeBytesSent.get() < HUGE_BYTES) {
            out.write(chunk);
            hugeBytesSent.addAndGet(chunk.length);
          }
        }
        return 200;
      }
      case "/weiter/a" -> {
        return redirect(exchange, "/weiter/b");
      }
      case "/weiter/b" -> {
        return redirect(exchange, "/weiter/a");
      }
      case "/weiter/extern" -> {
        return redirect(exchange, "https://www.leoben.at/");
      }
      default -> {
        Resource resource = resources.get(path);
        if (resource == null) {
          return send(exchange, 404, "text/html", "<h1>Seite nicht gefunden</h1>".getBytes(StandardCharsets.UTF_8));
        }
        String etag = "\"" + HexFormat.of().formatHex(sha256(resource.body())).substring(0, 16) + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", resource.lastModified());
        if (etag.equals(headers.get("if-none-match"))) {
          exchange.sendResponseHeaders(304, -1);
          return 304;
        }
        return send(exchange, 200, resource.type(), resource.body());
      }
    }
  }

  private static int redirect(HttpExchange exchange, String to) throws IOException {
    exchange.getResponseHeaders().set("Location", to);
    exchange.sendResponseHeaders(302, -1);
    return 302;
  }

  private static int send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
    return status;
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every request's start, in order, for checking the pause between them. */
  public List<Long> starts() {
    List<Long> starts = new ArrayList<>();
    requests().stream().map(Request::startedNanos).sorted().forEach(starts::add);
    return starts;
  }
}

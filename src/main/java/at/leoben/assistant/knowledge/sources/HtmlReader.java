package at.leoben.assistant.knowledge.sources;

import at.leoben.assistant.knowledge.CrawledDocuments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a web page with jsoup: its main content without navigation, header, footer, forms and
 * scripts, cut into sections at its headings (h1 to h4). Each section keeps the fragment that
 * opens it: the heading's id, an anchor at the heading, the id of the block it starts, or else a
 * text fragment ({@code #:~:text=…}) that browsers scroll to.
 */
final class HtmlReader {

  /** A page read: its content and the links it has (for a crawl that follows them). */
  record Read(PageContent content, List<URI> links, boolean noIndex, boolean noFollow) {}

  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4");
  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p", "div", "section", "article", "main", "table", "ul", "ol", "dl", "blockquote", "pre", "figure",
          "address", "h5", "h6", "details", "summary", "header", "footer");
  private static final Set<String> LINES = Set.of("li", "tr", "dt", "dd", "br", "figcaption", "caption");
  private static final String NOT_CONTENT =
      "script, style, noscript, template, iframe, svg, canvas, form, button, nav, aside, dialog,"
          + " [role=navigation], [role=search], [role=dialog], [aria-hidden=true], [hidden]";
  private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final String PAGE_CHROME = "header, footer, [role=banner], [role=contentinfo]";

  private HtmlReader() {}

  static Read read(byte[] html, String contentType, URI url) throws IOException {
    Document page = Jsoup.parse(new ByteArrayInputStream(html), charset(contentType), url.toString());
    String robots = page.select("meta[name=robots]").eachAttr("content").toString().toLowerCase(Locale.ROOT);
    List<URI> links = links(page);
    String title = title(page);
    Element main = main(page);
    main.select(NOT_CONTENT).remove();
    if (main == page.body()) {
      main.select(PAGE_CHROME).remove();
    }
    Element h1 = main.selectFirst("h1");
    if (h1 != null && !h1.text().isBlank()) {
      title = h1.text().strip();
    }
    Sections sections = new Sections(main);
    NodeTraversor.traverse(sections, main);
    return new Read(
        new PageContent(title.isBlank() ? url.toString() : title, sections.finish()),
        links,
        robots.contains("noindex"),
        robots.contains("nofollow"));
  }

  /** The charset the server names; null lets jsoup read it from the page (BOM, meta) or use UTF-8. */
  private static String charset(String contentType) {
    Matcher match = CHARSET.matcher(contentType == null ? "" : contentType);
    if (match.find() && Charset.isSupported(match.group(1))) {
      return match.group(1);
    }
    return null;
  }

  private static String title(Document page) {
    Element og = page.selectFirst("meta[property=og:title]");
    if (og != null && !og.attr("content").isBlank()) {
      return og.attr("content").strip();
    }
    return page.title().strip();
  }

  /** The main content: {@code <main>}, else the article, else a content container, else the body. */
  private static Element main(Document page) {
    for (String candidate : List.of("main", "[role=main]", "article", "#content", "#main", ".content")) {
      Element found = page.selectFirst(candidate);
      if (found != null) {
        return found;
      }
    }
    return page.body();
  }

  private static List<URI> links(Document page) {
    Set<URI> links = new LinkedHashSet<>();
    for (Element anchor : page.select("a[href]")) {
      if (anchor.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
        continue;
      }
      String href = anchor.absUrl("href");
      try {
        URI link = new URI(href);
        if (link.getScheme() != null && link.getScheme().startsWith("http")) {
          links.add(new URI(link.getScheme(), link.getAuthority(), link.getPath(), link.getQuery(), null));
        }
      } catch (URISyntaxException e) {
        // A broken link on the page is not the crawl's problem.
      }
    }
    return List.copyOf(links);
  }

  /** Walks the main content once, starting a section at every heading. */
  private static final class Sections implements NodeVisitor {

    private final Element main;
    private final List<CrawledDocuments.Section> done = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private String heading;
    private String anchor;
    private Element openHeading;

    Sections(Element main) {
      this.main = main;
    }

    @Override
    public void head(Node node, int depth) {
      if (openHeading != null) {
        return; // the heading's text is taken whole at its start
      }
      if (node instanceof TextNode textNode) {
        Element parent = textNode.parent();
        boolean pre = parent != null && parent.closest("pre") != null;
        text.append(pre ? textNode.getWholeText() : textNode.text());
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (HEADINGS.contains(tag)) {
          flush();
          heading = element.text().strip();
          anchor = anchorOf(element);
          openHeading = element;
        } else if (PARAGRAPHS.contains(tag)) {
          text.append("\n\n");
        } else if (LINES.contains(tag)) {
          text.append('\n');
          if (tag.equals("li")) {
            text.append("- ");
          }
        } else if ((tag.equals("td") || tag.equals("th")) && element.elementSiblingIndex() > 0) {
          text.append(" | ");
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node == openHeading) {
        openHeading = null;
      } else if (openHeading == null && node instanceof Element element && PARAGRAPHS.contains(element.normalName())) {
        text.append("\n\n");
      }
    }

    List<CrawledDocuments.Section> finish() {
      flush();
      return List.copyOf(done);
    }

    private void flush() {
      String body =
          text.toString()
              .replace('\u00a0', ' ')
              .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
              .replaceAll(" *\\n *", "\n")
              .replaceAll("\\n{3,}", "\n\n")
              .strip();
      text.setLength(0);
      if (!body.isEmpty()) {
        done.add(new CrawledDocuments.Section(heading == null || heading.isEmpty() ? null : heading, anchor, body));
      }
    }

    /** Where a browser should scroll for this heading. */
    private String anchorOf(Element heading) {
      if (!heading.id().isBlank()) {
        return heading.id();
      }
      Element named = heading.selectFirst("a[id], a[name]");
      if (named == null) {
        Element before = heading.previousElementSibling();
        if (before != null && before.normalName().equals("a") && before.text().isBlank()
            && (before.hasAttr("id") || before.hasAttr("name"))) {
          named = before;
        }
      }
      if (named != null) {
        return named.id().isBlank() ? named.attr("name") : named.id();
      }
      // A content block with an id that this heading opens (as CMS frames are: <div id="c42"><h2>…).
      for (Element block = heading.parent(); block != null && block != main; block = block.parent()) {
        if (!block.id().isBlank()) {
          Element first = block.selectFirst("h1, h2, h3, h4");
          return first == heading ? block.id() : textFragment(heading.text());
        }
      }
      return heading.text().isBlank() ? null : textFragment(heading.text());
    }
  }

  /**
   * A text fragment (scroll-to-text) for the heading's first words; '-', '&' and ',' are escaped.
   * Eight words find a heading; more would only make the link long.
   */
  static String textFragment(String text) {
    String[] words = text.strip().split("\\s+");
    String start = String.join(" ", Arrays.asList(words).subList(0, Math.min(8, words.length)));
    String encoded =
        URLEncoder.encode(start, StandardCharsets.UTF_8)
            .replace("+", "%20")
            .replace("-", "%2D")
            .replace("*", "%2A");
    return ":~:text=" + encoded;
  }
}

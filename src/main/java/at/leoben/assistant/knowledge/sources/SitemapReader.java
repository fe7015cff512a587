package at.leoben.assistant.knowledge.sources;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads an XML sitemap (or sitemap index) with crawler-commons; strict: only URLs below it. */
final class SitemapReader {

  /** The pages a sitemap lists, and the sitemaps an index names. */
  record Listing(List<URI> pages, List<URI> sitemaps) {}

  private SitemapReader() {}

  /** Whether a response is a sitemap rather than a page. */
  static boolean isSitemap(URI url, String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("html")) {
      return false;
    }
    String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8);
    return (type.contains("xml") || url.getPath().endsWith(".xml"))
        && (start.contains("<urlset") || start.contains("<sitemapindex"));
  }

  static Listing read(URI url, String contentType, byte[] body) throws IOException {
    try {
      AbstractSiteMap map = new SiteMapParser(true).parseSiteMap(contentType, body, url.toURL());
      List<URI> pages = new ArrayList<>();
      List<URI> sitemaps = new ArrayList<>();
      if (map instanceof SiteMapIndex index) {
        for (AbstractSiteMap child : index.getSitemaps()) {
          add(sitemaps, child.getUrl().toString());
        }
      } else if (map instanceof SiteMap sitemap) {
        for (SiteMapURL page : sitemap.getSiteMapUrls()) {
          add(pages, page.getUrl().toString());
        }
      }
      return new Listing(pages, sitemaps);
    } catch (UnknownFormatException e) {
      throw new IOException("not a sitemap: " + e.getMessage(), e);
    }
  }

  private static void add(List<URI> list, String url) {
    try {
      URI uri = new URI(url);
      list.add(new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), uri.getQuery(), null));
    } catch (URISyntaxException e) {
      // An entry that is no URL is skipped, as the parser does with others.
    }
  }
}

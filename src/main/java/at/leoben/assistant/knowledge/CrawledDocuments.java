package at.leoben.assistant.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The documents a knowledge source keeps, one per page or PDF: written when a new or changed page
 * goes live, deleted when it vanished. Only a changed page is indexed again; unchanged pages are
 * never touched. Every change moves the knowledge revision, so no earlier answer is reused.
 */
@ApplicationScoped
public class CrawledDocuments {

  private static final int MAX_TITLE = 300;

  /** A section of a page: its heading, the fragment that opens it, its text. */
  public record Section(String heading, String anchor, String text) {}

  /** A page as read from its source. */
  public record Page(String url, String title, String owner, LocalDate updated, List<Section> sections) {
    public Page {
      sections = List.copyOf(sections);
    }
  }

  private final KnowledgeStore store;
  private final KnowledgeConfig config;
  private final Clock clock;

  CrawledDocuments(KnowledgeStore store, KnowledgeConfig config, Clock clock) {
    this.store = store;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Puts a page live: creates its document, or replaces the document and its passages.
   *
   * @param documentId the page's live document, or null for a page not live yet
   * @return the document's id
   */
  @Transactional(TxType.MANDATORY)
  public UUID put(UUID documentId, Page page) {
    KnowledgeDocument document = documentId == null ? null : KnowledgeDocument.findById(documentId);
    if (document == null) {
      document = new KnowledgeDocument();
      document.id = UUID.randomUUID();
      // An underscore never appears in the slug of a Markdown file: the two cannot collide.
      document.slug = "web_" + document.id.toString().replace("-", "").substring(0, 20);
      write(document, page);
      document.persist();
    } else {
      write(document, page);
      KnowledgePassage.delete("documentId", document.id);
    }
    int position = 0;
    for (Section section : page.sections()) {
      for (String piece : MarkdownDocuments.pieces(section.text(), config.maxPassageChars())) {
        KnowledgePassage passage = new KnowledgePassage();
        passage.documentId = document.id;
        passage.position = position++;
        passage.title = document.title;
        passage.heading = section.heading() == null ? null : cut(section.heading(), MAX_TITLE);
        passage.anchor = section.anchor();
        passage.keywords = "";
        passage.content = piece;
        passage.persist();
      }
    }
    store.touch();
    return document.id;
  }

  /** Takes a vanished page's passages out of retrieval. */
  @Transactional(TxType.MANDATORY)
  public void remove(UUID documentId) {
    if (documentId != null && KnowledgeDocument.deleteById(documentId)) {
      store.touch();
    }
  }

  /** The deep links (page URL and fragment) of a page's sections, as citations name them. */
  public static Set<String> links(Page page) {
    Set<String> links = new LinkedHashSet<>();
    for (Section section : page.sections()) {
      links.add(section.anchor() == null ? page.url() : page.url() + "#" + section.anchor());
    }
    return links;
  }

  private void write(KnowledgeDocument document, Page page) {
    document.title = cut(page.title(), MAX_TITLE);
    document.sourceUrl = page.url();
    document.owner = cut(page.owner(), MAX_TITLE);
    document.validFrom = null;
    document.updatedOn = page.updated();
    document.keywords = "";
    document.body = body(page);
    document.unconfirmedFacts = 0;
    document.origin = KnowledgeStore.Origin.CRAWL.name();
    document.modifiedAt = Instant.now(clock);
  }

  /** The page as one text, headings as Markdown headings, for admins reading the document. */
  private static String body(Page page) {
    StringBuilder body = new StringBuilder();
    for (Section section : page.sections()) {
      if (section.heading() != null) {
        body.append("## ").append(section.heading()).append("\n\n");
      }
      body.append(section.text()).append("\n\n");
    }
    return body.toString().strip();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

package at.leoben.assistant.knowledge;

import at.leoben.assistant.web.Problem;
import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** What admins do with the knowledge base: list, read, create, change, delete, import. */
@ApplicationScoped
class KnowledgeAdmin {

  /** A question for the inspector is a citizen's question: no longer than one. */
  private static final int MAX_QUESTION = 2000;

  private final KnowledgeStore store;
  private final KnowledgeBase knowledge;
  private final KnowledgeImporter importer;
  private final InstructionScreen screen;
  private final KnowledgeConfig config;
  private final Clock clock;

  KnowledgeAdmin(
      KnowledgeStore store,
      KnowledgeBase knowledge,
      KnowledgeImporter importer,
      InstructionScreen screen,
      KnowledgeConfig config,
      Clock clock) {
    this.store = store;
    this.knowledge = knowledge;
    this.importer = importer;
    this.screen = screen;
    this.config = config;
    this.clock = clock;
  }

  List<DocumentView> list(boolean onlyStale) {
    Map<UUID, Long> counts = store.passageCounts();
    return store.list().stream()
        .map(document -> view(document, counts.getOrDefault(document.id, 0L), false))
        .filter(view -> !onlyStale || view.stale())
        .toList();
  }

  DocumentView get(UUID id) {
    return view(store.find(id).orElseThrow(KnowledgeAdmin::notFound), true);
  }

  DocumentView create(DocumentInput input) {
    KnowledgeSource source = parse(input, input == null ? null : input.slug());
    try {
      return view(store.create(source), true);
    } catch (PersistenceException e) {
      if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
        throw new ProblemException(Status.CONFLICT, "problem.knowledge.title", "problem.knowledge.slug-taken");
      }
      throw e;
    }
  }

  DocumentView update(UUID id, DocumentInput input) {
    KnowledgeDocument existing = store.find(id).orElseThrow(KnowledgeAdmin::notFound);
    refuseCrawled(existing);
    KnowledgeSource source = parse(input, existing.slug);
    try {
      return view(store.update(id, source, input.version()).orElseThrow(KnowledgeAdmin::notFound), true);
    } catch (OptimisticLockException e) {
      throw new ProblemException(Status.CONFLICT, "problem.knowledge.title", "problem.knowledge.conflict");
    }
  }

  void delete(UUID id) {
    store.find(id).ifPresent(KnowledgeAdmin::refuseCrawled);
    if (!store.delete(id)) {
      throw notFound();
    }
  }

  /** A page of a knowledge source changes with its source; an edit here would be overwritten. */
  private static void refuseCrawled(KnowledgeDocument document) {
    if (KnowledgeStore.Origin.CRAWL.name().equals(document.origin)) {
      throw new ProblemException(Status.CONFLICT, "problem.knowledge.title", "problem.knowledge.crawled");
    }
  }

  Inspection inspect(String question) {
    if (question == null || question.isBlank()) {
      throw ProblemException.badRequest("problem.inspect.blank");
    }
    if (question.length() > MAX_QUESTION) {
      throw ProblemException.badRequest("problem.inspect.too-long", MAX_QUESTION);
    }
    return knowledge.inspect(question.strip());
  }

  KnowledgeImporter.Report importFolder() {
    return importer.importFolder();
  }

  private KnowledgeSource parse(DocumentInput input, String slug) {
    if (input == null) {
      throw invalid("document", "empty request");
    }
    try {
      String checkedSlug = MarkdownDocuments.slugOf((slug == null ? "" : slug) + ".md");
      return MarkdownDocuments.parse(checkedSlug, "document", input.toMarkdown(), config.maxPassageChars());
    } catch (KnowledgeFormatException e) {
      throw invalid(slug == null || slug.isBlank() ? "slug" : "document", e.reason());
    }
  }

  private DocumentView view(KnowledgeDocument document, boolean withBody) {
    return view(document, store.passageCount(document.id), withBody);
  }

  private DocumentView view(KnowledgeDocument document, long passages, boolean withBody) {
    boolean stale =
        document.updatedOn.isBefore(LocalDate.now(clock).minusDays(config.staleAfter().toDays()));
    return new DocumentView(
        document.id,
        document.slug,
        document.title,
        document.sourceUrl,
        document.owner,
        document.validFrom,
        document.updatedOn,
        document.keywords.isBlank() ? List.of() : Arrays.stream(document.keywords.split(",\\s*")).toList(),
        stale,
        document.unconfirmedFacts,
        passages,
        document.origin,
        document.version,
        document.modifiedAt,
        withBody ? document.body : null,
        withBody ? screen.instructionsIn(document.body) : null);
  }

  private static ProblemException invalid(String subject, String reason) {
    return new ProblemException(
        Status.BAD_REQUEST,
        "problem.knowledge.title",
        "problem.knowledge.invalid",
        List.of(new Problem.Item(subject, reason)));
  }

  private static ProblemException notFound() {
    return new ProblemException(Status.NOT_FOUND, "problem.knowledge.title", "problem.knowledge.not-found");
  }
}

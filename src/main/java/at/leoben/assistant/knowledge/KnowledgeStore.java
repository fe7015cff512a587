package at.leoben.assistant.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Documents and their passages in PostgreSQL; every change moves the knowledge revision. */
@ApplicationScoped
class KnowledgeStore {

  enum Origin {
    IMPORT,
    API,
    /** Kept by a knowledge source (a web page or PDF): changed only by its crawls. */
    CRAWL
  }

  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private final EntityManager entities;
  private final Clock clock;

  KnowledgeStore(EntityManager entities, Clock clock) {
    this.entities = entities;
    this.clock = clock;
  }

  /**
   * Imports a batch all or nothing. A file creates a missing document; it replaces an existing one
   * when that came from an import too, or when the file says it was updated later.
   */
  @Transactional
  List<Outcome> importAll(List<KnowledgeSource> sources) {
    return sources.stream().map(this::importOne).toList();
  }

  private Outcome importOne(KnowledgeSource source) {
    Optional<KnowledgeDocument> existing = KnowledgeDocument.find("slug", source.slug()).firstResultOptional();
    if (existing.isEmpty()) {
      KnowledgeDocument document = new KnowledgeDocument();
      document.id = UUID.randomUUID();
      write(document, source, Origin.IMPORT);
      document.persist();
      writePassages(document, source);
      touch();
      return Outcome.CREATED;
    }
    KnowledgeDocument document = existing.get();
    boolean replaceable =
        Origin.IMPORT.name().equals(document.origin) || source.updated().isAfter(document.updatedOn);
    if (!replaceable || sameContent(document, source)) {
      return Outcome.UNCHANGED;
    }
    write(document, source, Origin.IMPORT);
    replacePassages(document, source);
    touch();
    return Outcome.UPDATED;
  }

  @Transactional
  KnowledgeDocument create(KnowledgeSource source) {
    KnowledgeDocument document = new KnowledgeDocument();
    document.id = UUID.randomUUID();
    write(document, source, Origin.API);
    document.persist();
    entities.flush(); // a duplicate slug fails here, inside the caller's error handling
    writePassages(document, source);
    touch();
    return document;
  }

  @Transactional
  Optional<KnowledgeDocument> update(UUID id, KnowledgeSource source, Integer expectedVersion) {
    Optional<KnowledgeDocument> found = KnowledgeDocument.findByIdOptional(id);
    found.ifPresent(
        document -> {
          if (expectedVersion != null && expectedVersion != document.version) {
            throw new OptimisticLockException("document changed meanwhile");
          }
          write(document, source, Origin.API);
          replacePassages(document, source);
          touch();
        });
    return found;
  }

  @Transactional
  boolean delete(UUID id) {
    boolean deleted = KnowledgeDocument.deleteById(id);
    if (deleted) {
      touch();
    }
    return deleted;
  }

  @Transactional
  Optional<KnowledgeDocument> find(UUID id) {
    return KnowledgeDocument.findByIdOptional(id);
  }

  @Transactional
  List<KnowledgeDocument> list() {
    return KnowledgeDocument.list("order by title");
  }

  @Transactional
  long passageCount(UUID documentId) {
    return KnowledgePassage.count("documentId", documentId);
  }

  /** Passages per document, in one query for the whole list. */
  @Transactional
  Map<UUID, Long> passageCounts() {
    List<Object[]> rows =
        entities
            .createQuery("select p.documentId, count(p) from KnowledgePassage p group by p.documentId", Object[].class)
            .getResultList();
    Map<UUID, Long> counts = new HashMap<>();
    rows.forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
    return counts;
  }

  private void write(KnowledgeDocument document, KnowledgeSource source, Origin origin) {
    document.slug = source.slug();
    document.title = source.title();
    document.sourceUrl = source.sourceUrl();
    document.owner = source.owner();
    document.validFrom = source.validFrom();
    document.updatedOn = source.updated();
    document.keywords = String.join(", ", source.keywords());
    document.body = source.body();
    document.unconfirmedFacts = source.unconfirmedFacts();
    document.origin = origin.name();
    document.modifiedAt = Instant.now(clock);
  }

  private void replacePassages(KnowledgeDocument document, KnowledgeSource source) {
    KnowledgePassage.delete("documentId", document.id);
    entities.flush();
    writePassages(document, source);
  }

  private void writePassages(KnowledgeDocument document, KnowledgeSource source) {
    for (KnowledgeSource.Passage passage : source.passages()) {
      KnowledgePassage row = new KnowledgePassage();
      row.documentId = document.id;
      row.position = passage.position();
      row.title = document.title;
      row.heading = passage.heading();
      row.keywords = document.keywords;
      row.content = passage.text();
      row.persist();
    }
  }

  private static boolean sameContent(KnowledgeDocument document, KnowledgeSource source) {
    return document.title.equals(source.title())
        && document.sourceUrl.equals(source.sourceUrl())
        && document.owner.equals(source.owner())
        && Objects.equals(document.validFrom, source.validFrom())
        && document.updatedOn.equals(source.updated())
        && document.keywords.equals(String.join(", ", source.keywords()))
        && document.body.equals(source.body());
  }

  /** Moves the knowledge revision: answers given before it are not reused. */
  void touch() {
    entities
        .createNativeQuery("update knowledge_revision set changed_at = :now where id = 1")
        .setParameter("now", Instant.now(clock))
        .executeUpdate();
  }
}

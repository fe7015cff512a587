package at.leoben.assistant.knowledge;

import at.leoben.assistant.resources.TextResources;
import at.leoben.assistant.web.Problem;
import at.leoben.assistant.web.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Imports Markdown knowledge: the starter set shipped in the jar and the configured folder, at
 * start-up and on an admin's request. A batch with any malformed file imports nothing.
 */
@ApplicationScoped
class KnowledgeImporter {

  private static final Logger LOG = Logger.getLogger(KnowledgeImporter.class);
  private static final String STARTER = "knowledge/starter/";

  /**
   * What an import did, file by file; {@code warnings}: imported files with lines that read like
   * instructions to the model, for the admin to check.
   */
  public record Report(
      List<String> created, List<String> updated, List<String> unchanged, List<Problem.Item> warnings) {}

  private final KnowledgeStore store;
  private final InstructionScreen screen;
  private final KnowledgeConfig config;

  KnowledgeImporter(KnowledgeStore store, InstructionScreen screen, KnowledgeConfig config) {
    this.store = store;
    this.screen = screen;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.importStarter()) {
      importAtStart("starter knowledge", this::starterFiles);
    }
    config.folder().ifPresentOrElse(
        folder -> importAtStart("knowledge folder " + folder, () -> folderFiles(folder)),
        () -> LOG.info("No knowledge folder configured (ASSISTANT_KNOWLEDGE_FOLDER): using the starter knowledge only"));
  }

  /** The admin's import of the configured folder; problems name every bad file. */
  Report importFolder() {
    Path folder =
        config.folder().orElseThrow(
            () -> new ProblemException(Status.CONFLICT, "problem.knowledge.title", "problem.knowledge.no-folder"));
    List<File> files;
    try {
      files = folderFiles(folder);
    } catch (UncheckedIOException e) {
      throw new ProblemException(Status.CONFLICT, "problem.knowledge.title", "problem.knowledge.folder-unreadable");
    }
    return importFiles(files);
  }

  private record File(String name, String content) {}

  private void importAtStart(String what, java.util.function.Supplier<List<File>> files) {
    try {
      Report report = importFiles(files.get());
      LOG.infof(
          "Imported %s: %d new, %d updated, %d unchanged",
          what, report.created().size(), report.updated().size(), report.unchanged().size());
      report.warnings().forEach(
          warning -> LOG.warnf("Knowledge file %s has a line that reads like instructions to the model", warning.subject()));
    } catch (ProblemException e) {
      // The service still serves citizens with the knowledge it has; the admin fixes the files.
      LOG.errorf("Imported nothing from %s: %s", what, e.items());
    } catch (RuntimeException e) {
      LOG.errorf("Imported nothing from %s: cannot read it (%s)", what, e.getMessage());
    }
  }

  private Report importFiles(List<File> files) {
    List<KnowledgeSource> sources = new ArrayList<>();
    List<Problem.Item> rejected = new ArrayList<>();
    for (File file : files) {
      if (file.content() == null) {
        rejected.add(new Problem.Item(file.name(), "not valid UTF-8 text"));
        continue;
      }
      try {
        sources.add(
            MarkdownDocuments.parse(
                MarkdownDocuments.slugOf(file.name()), file.name(), file.content(), config.maxPassageChars()));
      } catch (KnowledgeFormatException e) {
        rejected.add(new Problem.Item(e.file(), e.reason()));
      }
    }
    if (!rejected.isEmpty()) {
      throw new ProblemException(
          Status.BAD_REQUEST, "problem.knowledge.title", "problem.knowledge.import-rejected", rejected, rejected.size());
    }
    List<KnowledgeStore.Outcome> outcomes = store.importAll(sources);
    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<Problem.Item> warnings = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      String name = files.get(i).name();
      screen.instructionsIn(sources.get(i).body()).forEach(line -> warnings.add(new Problem.Item(name, line)));
      switch (outcomes.get(i)) {
        case CREATED -> created.add(name);
        case UPDATED -> updated.add(name);
        case UNCHANGED -> unchanged.add(name);
      }
    }
    return new Report(created, updated, unchanged, warnings);
  }

  private List<File> starterFiles() {
    return TextResources.lines(STARTER + "index.txt").stream()
        .map(name -> new File(name, TextResources.read(STARTER + name)))
        .toList();
  }

  private static List<File> folderFiles(Path folder) {
    try (Stream<Path> paths = Files.list(folder)) {
      List<Path> markdown =
          paths.filter(path -> path.getFileName().toString().endsWith(".md")).sorted().toList();
      List<File> files = new ArrayList<>();
      for (Path path : markdown) {
        String content;
        try {
          content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
          content = null; // reported with the file's name below
        }
        files.add(new File(path.getFileName().toString(), content));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package at.leoben.assistant.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A service with a knowledge folder to import from, and answer reuse switched on. */
public class KnowledgeFolderProfile implements QuarkusTestProfile {

  public static final Path FOLDER = Path.of("target", "test-knowledge-folder").toAbsolutePath();

  @Override
  public Map<String, String> getConfigOverrides() {
    try {
      Files.createDirectories(FOLDER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "assistant.knowledge.folder", FOLDER.toString(),
        "assistant.knowledge.reuse-window", "1h");
  }
}

package at.leoben.assistant.ops;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The manifests that {@code k8s/validate/check.js} rendered into {@code target/k8s} ({@code
 * bash .ci/run} runs it before Maven), read with the fabric8 model. Missing or stale files fail
 * the test in CI (environment variable {@code CI}, or {@code -Dk8s.manifests.required=true}) and
 * skip it, visibly, elsewhere: the check never passes without having read the manifests.
 */
final class RenderedManifests {

  static final Path RENDERED = Path.of("target", "k8s");
  static final Path SOURCES = Path.of("k8s");
  private static final String HOW = "render them with `node k8s/validate/check.js` (bash .ci/run does)";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final YAMLMapper YAML = new YAMLMapper();

  private RenderedManifests() {}

  /** The rendered documents of one kustomization (dev, prod, model-pull). */
  static List<HasMetadata> of(String name) {
    Path file = RENDERED.resolve(name + ".yaml");
    unusable(file, SOURCES).ifPresent(problem -> skipOrFail(problem, required()));
    return read(file);
  }

  /** Why a rendered file cannot be used: missing, or older than a file under the sources. */
  static Optional<String> unusable(Path rendered, Path sources) {
    if (!Files.isRegularFile(rendered)) {
      return Optional.of(rendered + " is missing: " + HOW);
    }
    FileTime renderedAt = modified(rendered);
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(Files::isRegularFile)
          .filter(source -> modified(source).compareTo(renderedAt) > 0)
          .findFirst()
          .map(newer -> rendered + " is older than " + newer + ": " + HOW);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void skipOrFail(String problem, boolean required) {
    if (required) {
      fail("Kubernetes manifests not checked: " + problem);
    }
    Assumptions.abort("Kubernetes manifests not checked: " + problem);
  }

  static boolean required() {
    String ci = System.getenv("CI");
    return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))
        || Boolean.getBoolean("k8s.manifests.required");
  }

  static List<HasMetadata> read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a (multi-document) YAML text as its fabric8 type. */
  static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> nodes = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (nodes.hasNext()) {
        JsonNode node = nodes.next();
        if (node != null && !node.isNull() && !node.isEmpty()) {
          documents.add(SERIALIZATION.unmarshal(node.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents;
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

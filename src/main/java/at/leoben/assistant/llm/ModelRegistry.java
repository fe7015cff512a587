package at.leoben.assistant.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The approved-model registry, loaded once at start: the packaged {@code models/approved-models.yaml}
 * or the file named by ASSISTANT_MODELS_REGISTRY. A registry that cannot be read, or has an entry
 * without digest, approver or date, stops the start: an approval nobody can check is none.
 */
@ApplicationScoped
public class ModelRegistry {

  static final String PACKAGED = "models/approved-models.yaml";
  private static final Logger LOG = Logger.getLogger(ModelRegistry.class);
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> FIELDS =
      Set.of("name", "digest", "base", "modelfile", "purpose", "approvedBy", "approvedOn", "notes");

  private final List<ApprovedModel> approved;
  private final String source;

  ModelRegistry(ModelsConfig config) {
    this.source = config.registry().map(Object::toString).orElse("classpath:" + PACKAGED);
    try (InputStream in = open(config)) {
      this.approved = parse(new YAMLMapper().readTree(in));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Approved-model registry " + source + " is not usable: " + e.getMessage()
              + ". Freigegebene Modelle nicht lesbar - der Dienst startet nicht.",
          e);
    }
    LOG.infof("Approved-model registry %s: %d approved model(s)", source, approved.size());
  }

  public List<ApprovedModel> approved() {
    return approved;
  }

  /** Where the registry came from, for operators. */
  public String source() {
    return source;
  }

  /** The approval for an Ollama model name; {@code llama3.1} and {@code llama3.1:latest} are one. */
  public Optional<ApprovedModel> find(String modelName) {
    String wanted = tagged(modelName);
    return approved.stream().filter(model -> tagged(model.name()).equals(wanted)).findFirst();
  }

  static String tagged(String name) {
    String trimmed = name.strip();
    return trimmed.contains(":") ? trimmed : trimmed + ":latest";
  }

  /** Ollama reports digests as 64 hex digits; a {@code sha256:} prefix is accepted and dropped. */
  static String normalDigest(String digest) {
    String plain = digest.strip().toLowerCase(Locale.ROOT);
    return plain.startsWith("sha256:") ? plain.substring("sha256:".length()) : plain;
  }

  private static InputStream open(ModelsConfig config) throws IOException {
    if (config.registry().isPresent()) {
      return Files.newInputStream(config.registry().get());
    }
    InputStream packaged = Thread.currentThread().getContextClassLoader().getResourceAsStream(PACKAGED);
    if (packaged == null) {
      throw new IOException("not packaged");
    }
    return packaged;
  }

  static List<ApprovedModel> parse(JsonNode root) {
    if (root == null || !root.path("models").isArray()) {
      throw new IllegalArgumentException("a list 'models' is missing");
    }
    List<ApprovedModel> models = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int index = 0;
    for (JsonNode entry : root.path("models")) {
      String where = "models[" + index++ + "]";
      if (!entry.isObject()) {
        throw new IllegalArgumentException(where + " is not a mapping");
      }
      for (Iterator<String> keys = entry.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!FIELDS.contains(key)) {
          throw new IllegalArgumentException(where + " has an unknown field '" + key + "'");
        }
      }
      String name = required(entry, "name", where);
      String digest = normalDigest(required(entry, "digest", where));
      if (!DIGEST.matcher(digest).matches()) {
        throw new IllegalArgumentException(where + ".digest is not 64 hex digits (Ollama's /api/tags digest)");
      }
      if (!names.add(tagged(name))) {
        throw new IllegalArgumentException(where + " approves " + name + " a second time");
      }
      LocalDate approvedOn;
      try {
        approvedOn = LocalDate.parse(required(entry, "approvedOn", where));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(where + ".approvedOn is not a date (YYYY-MM-DD)");
      }
      models.add(
          new ApprovedModel(
              name.strip(),
              digest,
              optional(entry, "base"),
              optional(entry, "modelfile"),
              required(entry, "purpose", where),
              required(entry, "approvedBy", where),
              approvedOn,
              optional(entry, "notes")));
    }
    return List.copyOf(models);
  }

  private static String required(JsonNode entry, String field, String where) {
    return optional(entry, field)
        .orElseThrow(() -> new IllegalArgumentException(where + "." + field + " is missing"));
  }

  private static Optional<String> optional(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.asText().strip());
  }
}

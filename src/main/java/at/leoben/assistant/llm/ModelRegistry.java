package at.leoben.assistant.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The approved-model registry, loaded once at start: the packaged {@code models/approved-models.yaml}
 * or the file named by ASSISTANT_MODELS_REGISTRY. A registry that cannot be read, or has an entry
 * without digest, approver or date, stops the start: an approval nobody can check is none.
 */
@ApplicationScoped
public class ModelRegistry {

  static final String PACKAGED = "models/approved-models.yaml";
  private static final Logger LOG = Logger.getLogger(ModelRegistry.class);
  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** The file as the Digital.Team writes it; other top-level keys are left to the file's readers. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record RegistryFile(List<@Valid Entry> models) {}

  /** One approval as written; see the comment at the top of models/approved-models.yaml. */
  record Entry(
      @NotBlank(message = "is missing") String name,
      @NotBlank(message = "is missing")
          @Pattern(regexp = "(?i)\\s*(sha256:)?[0-9a-f]{64}\\s*", message = "is not 64 hex digits (Ollama's /api/tags digest)")
          String digest,
      String base,
      String modelfile,
      @NotBlank(message = "is missing") String purpose,
      @NotBlank(message = "is missing") String approvedBy,
      @NotNull(message = "is missing") LocalDate approvedOn,
      String notes) {

    ApprovedModel approved() {
      return new ApprovedModel(
          name.strip(), normalDigest(digest), text(base), text(modelfile), purpose.strip(), approvedBy.strip(),
          approvedOn, text(notes));
    }

    private static Optional<String> text(String value) {
      return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
  }

  private final List<ApprovedModel> approved;
  private final String source;

  ModelRegistry(ModelsConfig config, Validator validator) {
    this.source = config.registry().map(Object::toString).orElse("classpath:" + PACKAGED);
    try (InputStream in = open(config)) {
      this.approved = approved(read(in), validator);
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

  private static RegistryFile read(InputStream in) {
    try {
      return YAML.readValue(in, RegistryFile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(reason(e), e);
    }
  }

  static List<ApprovedModel> approved(RegistryFile file, Validator validator) {
    if (file == null || file.models() == null) {
      throw new IllegalArgumentException("a list 'models' is missing");
    }
    for (int i = 0; i < file.models().size(); i++) {
      if (file.models().get(i) == null) {
        throw new IllegalArgumentException("models[" + i + "] is not a mapping");
      }
    }
    String problems =
        validator.validate(file).stream()
            .sorted(Comparator.comparing((ConstraintViolation<RegistryFile> v) -> v.getPropertyPath().toString()))
            .map(v -> v.getPropertyPath() + " " + v.getMessage())
            .distinct()
            .collect(Collectors.joining("; "));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems);
    }
    List<ApprovedModel> models = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < file.models().size(); i++) {
      ApprovedModel model = file.models().get(i).approved();
      if (!names.add(tagged(model.name()))) {
        throw new IllegalArgumentException("models[" + i + "] approves " + model.name() + " a second time");
      }
      models.add(model);
    }
    return List.copyOf(models);
  }

  /** Jackson's and the YAML parser's findings in the words of the file's comment. */
  private static String reason(IOException e) {
    JsonParseException parse = e instanceof JsonParseException p ? p : e.getCause() instanceof JsonParseException p ? p : null;
    if (parse != null && parse.getCause() instanceof MarkedYAMLException yaml) {
      Mark mark = yaml.getContextMark() != null ? yaml.getContextMark() : yaml.getProblemMark();
      return "not valid YAML in line " + (mark.getLine() + 1) + ": " + yaml.getProblem();
    }
    if (parse != null) {
      return parse.getOriginalMessage() + " in line " + parse.getLocation().getLineNr();
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      List<JsonMappingException.Reference> path = unknown.getPath();
      return where(path.subList(0, path.size() - 1)) + " has an unknown field '" + unknown.getPropertyName() + "'";
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == LocalDate.class) {
      return where(invalid.getPath()) + " is not a date (YYYY-MM-DD)";
    }
    if (e instanceof JsonMappingException mapping && mapping.getPath().size() == 2) {
      return where(mapping.getPath()) + " is not a mapping";
    }
    if (e instanceof JsonMappingException mapping && mapping.getPath().size() > 2) {
      return where(mapping.getPath()) + " must be a single value";
    }
    if (e instanceof JsonMappingException) {
      return "a list 'models' is missing";
    }
    return e.getMessage();
  }

  /** {@code models[0].approvedOn}, as the file's readers would point at it. */
  private static String where(List<JsonMappingException.Reference> path) {
    StringBuilder where = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        where.append(where.isEmpty() ? "" : ".").append(step.getFieldName());
      } else {
        where.append('[').append(step.getIndex()).append(']');
      }
    }
    return where.toString();
  }
}

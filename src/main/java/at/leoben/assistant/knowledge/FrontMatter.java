package at.leoben.assistant.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.GroupSequence;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The YAML block between the {@code ---} lines at the top of a knowledge file, read by Jackson and
 * checked by Bean Validation. Every problem becomes a {@link KnowledgeFormatException} an editor can
 * act on: the key, the line, what is wrong.
 *
 * @param keywords a list, or one comma-separated line
 */
@GroupSequence({FrontMatter.Present.class, FrontMatter.class})
record FrontMatter(
    @NotNull(groups = Present.class, message = "missing front matter key 'title'")
        @NotBlank(message = "empty value for front matter key 'title'")
        @Size(max = MAX_TITLE_CHARS, message = "title longer than {max} characters")
        String title,
    @NotNull(groups = Present.class, message = "missing front matter key 'source'")
        @NotBlank(message = "empty value for front matter key 'source'")
        @HttpUrl(message = "'source' is not an absolute http(s) URL: ${validatedValue}")
        String source,
    @NotNull(groups = Present.class, message = "missing front matter key 'owner'")
        @NotBlank(message = "empty value for front matter key 'owner'")
        String owner,
    @JsonProperty("valid-from") LocalDate validFrom,
    @NotNull(groups = Present.class, message = "missing front matter key 'updated'") LocalDate updated,
    List<String> keywords) {

  static final int MAX_TITLE_CHARS = 300;
  private static final List<String> KEYS = List.of("title", "source", "owner", "valid-from", "updated", "keywords");

  /** Checked first: without the required keys the other checks would only repeat "missing". */
  interface Present {}

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** One validator for the static parser; building it costs more than a document does. */
  private static final class Checks {
    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  }

  /** The keywords one by one, from a YAML list or a comma-separated line, blanks dropped. */
  List<String> keywordList() {
    return keywords == null
        ? List.of()
        : keywords.stream()
            .filter(Objects::nonNull)
            .flatMap(entry -> Arrays.stream(entry.split(",")))
            .map(String::strip)
            .filter(keyword -> !keyword.isEmpty())
            .toList();
  }

  /**
   * Reads the block.
   *
   * @param lines the front matter's lines, without the {@code ---} lines
   * @param firstLine the file's line number of {@code lines[0]}, for messages
   */
  static FrontMatter read(String fileName, List<String> lines, int firstLine) {
    String yaml = String.join("\n", lines);
    FrontMatter read;
    try {
      read = yaml.isBlank() ? YAML.readValue("{}", FrontMatter.class) : YAML.readValue(yaml, FrontMatter.class);
    } catch (IOException e) {
      throw new KnowledgeFormatException(fileName, reason(e, lines, firstLine));
    }
    String problems =
        Checks.VALIDATOR.validate(read).stream()
            .sorted(Comparator.comparing(v -> KEYS.indexOf(yamlKey(v))))
            .map(ConstraintViolation::getMessage)
            .distinct()
            .collect(Collectors.joining("; "));
    if (!problems.isEmpty()) {
      throw new KnowledgeFormatException(fileName, problems);
    }
    return read;
  }

  private static String yamlKey(ConstraintViolation<?> violation) {
    String property = violation.getPropertyPath().toString();
    return property.equals("validFrom") ? "valid-from" : property;
  }

  private static String reason(IOException e, List<String> lines, int firstLine) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String key = unknown.getPropertyName();
      return "unknown front matter key '" + key + "' in line " + (firstLine + lineOf(key, lines))
          + " (allowed: " + String.join(", ", KEYS) + ")";
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == LocalDate.class) {
      return "invalid date in '" + key(invalid) + "': " + invalid.getValue();
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return "front matter key '" + key(mapping) + "' must be a single value";
    }
    if (e instanceof JsonMappingException) {
      return "front matter must be lines of 'key: value'";
    }
    if (e.getCause() instanceof MarkedYAMLException yaml) {
      return yamlReason(yaml, firstLine);
    }
    if (e instanceof JsonParseException parse && parse.getOriginalMessage().startsWith("Duplicate field")) {
      String key = parse.getOriginalMessage().replaceAll("^Duplicate field '(.*)'$", "$1");
      return "duplicate front matter key '" + key + "' in line " + (firstLine + parse.getLocation().getLineNr() - 1);
    }
    return "front matter is not readable: " + e.getMessage();
  }

  /** The YAML parser's words, made concrete for the two mistakes editors make. */
  private static String yamlReason(MarkedYAMLException yaml, int firstLine) {
    String problem = Objects.requireNonNullElse(yaml.getProblem(), "");
    if (problem.contains("could not find expected ':'") && yaml.getContextMark() != null) {
      return "front matter line " + (firstLine + yaml.getContextMark().getLine())
          + " has no ':' (expected 'key: value')";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "front matter line " + (firstLine + yaml.getProblemMark().getLine())
          + ": a value with ': ' in it must be in quotes, e.g. title: \"Hunde: Anmeldung und Abgabe\"";
    }
    Mark mark = yaml.getContextMark() != null ? yaml.getContextMark() : yaml.getProblemMark();
    return "front matter line " + (firstLine + mark.getLine()) + " is not valid YAML: " + problem;
  }

  private static String key(JsonMappingException e) {
    return e.getPath().get(0).getFieldName();
  }

  /** The 0-based index of the line that sets {@code key}. */
  private static int lineOf(String key, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(key + ":") || lines.get(i).strip().startsWith(key + " ")) {
        return i;
      }
    }
    return 0;
  }

  /** Writes front matter for {@code values} (key to value or list), quoted where YAML needs it. */
  static String write(Map<String, Object> values) {
    try {
      return YAML.writeValueAsString(values);
    } catch (IOException e) {
      throw new IllegalStateException("front matter of plain strings is always writable", e);
    }
  }
}

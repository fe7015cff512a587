package at.leoben.assistant.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.HexFormat;

/**
 * The golden set: citizen questions with the reply a careful clerk expects. {@code sha256} names
 * the exact file, so two runs on different sets are not mistaken for comparable ones.
 */
public record GoldenSet(String location, int version, String sha256, List<GoldenQuestion> questions) {

  /** The set shipped with the repository (test resources). */
  public static final String DEFAULT = "evaluation/golden-set.yaml";

  public GoldenSet {
    questions = List.copyOf(questions);
  }

  /** A file path, or a classpath resource when no such file exists. */
  public static GoldenSet load(String location) {
    Path path = Path.of(location);
    try {
      if (Files.isRegularFile(path)) {
        return parse(location, Files.readAllBytes(path));
      }
      try (InputStream in = GoldenSet.class.getClassLoader().getResourceAsStream(location)) {
        if (in == null) {
          throw new IllegalArgumentException("golden set not found: " + location);
        }
        return parse(location, in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the golden set " + location, e);
    }
  }

  /** Only the questions with these ids (all when {@code ids} is empty); unknown ids are an error. */
  public GoldenSet only(Set<String> ids) {
    if (ids.isEmpty()) {
      return this;
    }
    Set<String> known = new HashSet<>(questions.stream().map(GoldenQuestion::id).toList());
    ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
      throw new IllegalArgumentException("no question with id " + id);
    });
    return new GoldenSet(location, version, sha256, questions.stream().filter(q -> ids.contains(q.id())).toList());
  }

  static GoldenSet parse(String location, byte[] yaml) throws IOException {
    SetFile file =
        YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build()
            .readValue(yaml, SetFile.class);
    if (file.questions() == null || file.questions().isEmpty()) {
      throw new IllegalArgumentException(location + " has no questions");
    }
    Set<String> ids = new HashSet<>();
    List<GoldenQuestion> questions =
        file.questions().stream()
            .map(entry -> {
              if (entry.id() == null || !ids.add(entry.id())) {
                throw new IllegalArgumentException(location + ": missing or repeated id " + entry.id());
              }
              return entry.toQuestion();
            })
            .toList();
    return new GoldenSet(location, file.version(), sha256(yaml), questions);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The file as written (see the comment at the top of golden-set.yaml). */
  record SetFile(int version, List<Entry> questions) {}

  record Entry(
      String id,
      String language,
      String replyLanguage,
      String question,
      String kind,
      String reason,
      String area,
      List<String> facts,
      String source,
      List<String> previous,
      List<String> category,
      String note) {

    GoldenQuestion toQuestion() {
      try {
        return new GoldenQuestion(
            id,
            language,
            replyLanguage,
            question,
            Expectation.of(kind, reason, area),
            facts == null ? List.of() : facts.stream().map(Fact::parse).toList(),
            source == null ? List.of() : Arrays.stream(source.split("\\|")).map(String::strip).toList(),
            previous,
            category == null ? List.of() : category.stream().map(Category::ofKey).toList(),
            note);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(id + ": " + e.getMessage(), e);
      }
    }
  }
}

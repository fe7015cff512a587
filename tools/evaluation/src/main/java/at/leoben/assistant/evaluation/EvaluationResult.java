package at.leoben.assistant.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A whole run as stored in result.json next to the report, and read back by {@code --compare}. */
public record EvaluationResult(RunInfo run, Map<Measure, Double> measures, Summary summary, List<QuestionResult> questions) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

  public EvaluationResult {
    EnumMap<Measure, Double> ordered = new EnumMap<>(Measure.class);
    // A newer result.json may name measures this version does not know: they are left out.
    measures.forEach((measure, value) -> {
      if (measure != null && value != null) {
        ordered.put(measure, value);
      }
    });
    measures = Collections.unmodifiableMap(ordered);
    questions = List.copyOf(questions);
  }

  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  public static EvaluationResult read(Path file) {
    try {
      return JSON.readValue(Files.readAllBytes(file), EvaluationResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the earlier result " + file, e);
    }
  }

  public QuestionResult question(String id) {
    return questions.stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
  }
}

package at.leoben.assistant.guard;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Notices when a citizen asks for a person ("Ich möchte mit einem Menschen sprechen", "Termin",
 * "speak to someone"). Such a turn never goes to the model: the human channels are the answer.
 */
@ApplicationScoped
public class HumanRequestDetector {

  private final List<Pattern> patterns;

  public HumanRequestDetector() {
    this.patterns = load("guard/human-request.txt");
  }

  public boolean asksForHuman(String message) {
    String folded = fold(message);
    return patterns.stream().anyMatch(pattern -> pattern.matcher(folded).find());
  }

  static String fold(String text) {
    // NFC first: some keyboards send "ü" as "u" plus a combining diaeresis.
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .toLowerCase(Locale.ROOT)
        .replace("ä", "ae")
        .replace("ö", "oe")
        .replace("ü", "ue")
        .replace("ß", "ss")
        .replaceAll("\\s+", " ");
  }

  private static List<Pattern> load(String resource) {
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> Pattern.compile(line, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package at.leoben.assistant.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The service's text resources (prompts, term lists, starter knowledge), read as UTF-8. A missing
 * resource is a packaging error and stops whatever needs it.
 */
public final class TextResources {

  private TextResources() {}

  /** A classpath resource as one string. */
  public static String read(String name) {
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether an optional resource (e.g. one language's list) is packaged. */
  public static boolean exists(String name) {
    return Thread.currentThread().getContextClassLoader().getResource(name) != null;
  }

  /** A list resource: one entry a line, stripped; blank lines and lines starting with # skipped. */
  public static List<String> lines(String name) {
    return entries(read(name).lines().toList());
  }

  /** The same for an operator's file that replaces a shipped list. */
  public static List<String> lines(Path file) {
    try {
      return entries(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> entries(List<String> lines) {
    return lines.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }
}

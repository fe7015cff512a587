package at.leoben.assistant.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import opennlp.tools.doccat.DoccatModel;

/**
 * Training takes seconds; the same corpus and settings give the same model. The model is kept in
 * the temporary folder under the hash of what it was trained from, so a restart (or the next test)
 * loads it in milliseconds and a changed corpus trains a new one. Losing the file costs one training.
 */
final class ModelCache {

  private ModelCache() {}

  static DoccatModel get(List<String> inputs, Supplier<DoccatModel> training) {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "buergerassistent-understanding", hash(inputs) + ".bin");
    if (Files.isReadable(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        return new DoccatModel(in);
      } catch (IOException | RuntimeException e) {
        // unreadable (an older OpenNLP, a half-written file): train again below
      }
    }
    DoccatModel model = training.get();
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "model", ".tmp");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        model.serialize(out);
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // a read-only disk only costs the next start its training time
    }
    return model;
  }

  private static String hash(List<String> inputs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update("features-v1".getBytes(StandardCharsets.UTF_8));
      for (String input : inputs) {
        digest.update(input.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

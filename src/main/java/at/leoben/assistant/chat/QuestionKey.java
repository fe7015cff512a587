package at.leoben.assistant.chat;

import at.leoben.assistant.i18n.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identity of a question for answer reuse: the same words in the same language, regardless of
 * case, punctuation and spacing ("Wann hat das Rathaus offen?" = "wann hat das rathaus offen").
 */
final class QuestionKey {

  private QuestionKey() {}

  static String of(String question, Language language) {
    String normalised =
        Normalizer.normalize(question, Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((language.code() + ":" + normalised).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

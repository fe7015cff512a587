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
 * case, punctuation and spacing ("Wann hat das Rathaus offen?" = "wann hat das rathaus offen"),
 * asked for the same kind of answer: a plain-language request never matches a standard one, for
 * reused and clerk-approved answers alike (README, Plain language).
 */
final class QuestionKey {

  private QuestionKey() {}

  static String of(String question, Language language, boolean plainLanguage) {
    String normalised =
        Normalizer.normalize(question, Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((variant(language, plainLanguage) + ":" + normalised).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Standard answers keep the keys they had before plain language existed. */
  private static String variant(Language language, boolean plainLanguage) {
    return plainLanguage ? language.code() + "+plain" : language.code();
  }
}

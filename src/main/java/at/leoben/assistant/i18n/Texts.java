package at.leoben.assistant.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * Everything a citizen reads, in German and English. Defaults live in the bundle
 * {@code i18n/texts}; an operator can override any text through configuration
 * ({@code assistant.texts.de.<key>}) without a new build. Each text is looked up once: configuration
 * does not change while the service runs, and a turn needs a dozen texts.
 */
@ApplicationScoped
public class Texts {

  private final Config config;
  private final Map<Language, ResourceBundle> bundles;
  private final Map<Language, Map<String, String>> patterns =
      Map.of(Language.DE, new ConcurrentHashMap<>(), Language.EN, new ConcurrentHashMap<>());

  public Texts(Config config) {
    this.config = config;
    this.bundles =
        Map.of(
            Language.DE, load(Language.DE), Language.EN, load(Language.EN));
  }

  // No fallback to the JVM's default locale: German must stay German on an English server.
  private static ResourceBundle load(Language language) {
    return ResourceBundle.getBundle(
        "i18n.texts",
        language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public String get(Language language, String key, Object... arguments) {
    String pattern = patterns.get(language).computeIfAbsent(key, missing -> pattern(language, missing));
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
  }

  private String pattern(Language language, String key) {
    return config
        .getOptionalValue("assistant.texts." + language.code() + "." + key, String.class)
        .or(() -> Optional.of(bundles.get(language).getString(key)))
        .orElseThrow();
  }
}

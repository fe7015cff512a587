package at.leoben.assistant.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import at.leoben.assistant.resources.TextResources;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Properties;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * Everything a citizen reads, in German, English and the other languages of
 * {@code i18n/languages.txt}. Defaults live in the bundle {@code i18n/texts} (German) and
 * {@code i18n/texts_<code>}; a text a bundle lacks is German. An operator can override any text through configuration
 * ({@code assistant.texts.de.<key>}) without a new build. Each text is looked up once: configuration
 * does not change while the service runs, and a turn needs a dozen texts.
 */
@ApplicationScoped
public class Texts {

  private final Config config;
  private final Map<Language, ResourceBundle> bundles;
  private final Map<Language, Map<String, String>> patterns = new ConcurrentHashMap<>();
  private final Map<Language, Properties> ownTexts;

  public Texts(Config config) {
    this.config = config;
    Map<Language, ResourceBundle> loaded = new HashMap<>();
    Map<Language, Properties> own = new HashMap<>();
    for (Language language : Language.all()) {
      loaded.put(language, load(language));
      patterns.put(language, new ConcurrentHashMap<>());
      own.put(language, ownTexts(language));
    }
    this.ownTexts = Map.copyOf(own);
    this.bundles = Map.copyOf(loaded);
  }

  // No fallback to the JVM's default locale: German must stay German on an English server. A key
  // a language's bundle lacks (staff texts, problem details) comes from the German base bundle.
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

  /**
   * A text only if this language's own bundle (or configuration) has it, not the German default:
   * for texts whose German and English versions are configured elsewhere (channel labels, offices).
   */
  public Optional<String> find(Language language, String key) {
    Optional<String> configured = config.getOptionalValue("assistant.texts." + language.code() + "." + key, String.class);
    if (configured.isPresent() || language == Language.DE) {
      return configured;
    }
    return Optional.ofNullable(ownTexts.get(language).getProperty(key));
  }

  private static Properties ownTexts(Language language) {
    Properties own = new Properties();
    String name = "i18n/texts_" + language.code() + ".properties";
    if (TextResources.exists(name)) {
      try (Reader reader = new StringReader(TextResources.read(name))) {
        own.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return own;
  }

  private String pattern(Language language, String key) {
    return config
        .getOptionalValue("assistant.texts." + language.code() + "." + key, String.class)
        .or(() -> Optional.of(bundles.get(language).getString(key)))
        .orElseThrow();
  }
}

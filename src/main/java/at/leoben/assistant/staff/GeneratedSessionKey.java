package at.leoben.assistant.staff;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A random key for the staff UI's login cookie when the operator set none. Quarkus would make one
 * itself, but writes it into the log; this one stays in memory. The lowest priority: any configured
 * QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY wins (and must, when several instances share sessions).
 */
public class GeneratedSessionKey implements ConfigSource {

  static final String NAME = "generated-session-key";
  static final String KEY = "quarkus.http.auth.session.encryption-key";

  private final Map<String, String> properties;

  public GeneratedSessionKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.properties = Map.of(KEY, Base64.getEncoder().encodeToString(key));
  }

  @Override
  public Map<String, String> getProperties() {
    return properties;
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public int getOrdinal() {
    return 1;
  }
}

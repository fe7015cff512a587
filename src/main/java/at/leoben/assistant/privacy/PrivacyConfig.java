package at.leoben.assistant.privacy;

import io.smallrye.config.ConfigMapping;
import java.util.Set;

/** {@code assistant.privacy.*}: contacts that are never redacted (the city's own, help lines). */
@ConfigMapping(prefix = "assistant.privacy")
public interface PrivacyConfig {
  Set<String> allowedContacts();
}

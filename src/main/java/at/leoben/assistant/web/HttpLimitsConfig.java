package at.leoben.assistant.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code assistant.http.*}: the longest address and the most header bytes a request may have,
 * answered with a problem detail beyond that (the HTTP parser's own limits are set higher).
 */
@ConfigMapping(prefix = "assistant.http")
public interface HttpLimitsConfig {

  @WithDefault("4096")
  int maxUriLength();

  @WithDefault("20K")
  MemorySize maxHeaderSize();
}

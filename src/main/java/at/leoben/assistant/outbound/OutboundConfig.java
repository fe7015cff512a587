package at.leoben.assistant.outbound;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Where the service may send HTTP requests besides loopback and private-network addresses. */
@ConfigMapping(prefix = "assistant.outbound")
public interface OutboundConfig {

  /**
   * Host names the service may call (ASSISTANT_OUTBOUND_ALLOWED_HOSTS, comma-separated), e.g.
   * {@code ollama} in a compose file or Kubernetes namespace; an entry starting with a dot allows
   * a domain's hosts ({@code .intern.leoben.at}).
   */
  Optional<List<String>> allowedHosts();
}

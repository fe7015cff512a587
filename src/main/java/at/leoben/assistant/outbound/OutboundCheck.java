package at.leoben.assistant.outbound;

import at.leoben.assistant.llm.LlmConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Refuses to start when a URL the service would call leaves the city's network: the model
 * endpoint and, when switched on, the identity provider. Runs before the first request.
 */
@Startup
@ApplicationScoped
public class OutboundCheck {

  private static final Logger LOG = Logger.getLogger(OutboundCheck.class);

  OutboundCheck(LlmConfig llm, OutboundConfig config, Config all) {
    LocalOnly rule = new LocalOnly(config.allowedHosts().orElse(List.of()));
    List<String> refused = new ArrayList<>();
    check(rule, "ASSISTANT_LLM_BASE_URL", Optional.of(llm.baseUrl()), refused);
    if (all.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(false)) {
      check(rule, "QUARKUS_OIDC_AUTH_SERVER_URL", all.getOptionalValue("quarkus.oidc.auth-server-url", String.class), refused);
    }
    if (!refused.isEmpty()) {
      throw new IllegalStateException(
          String.join("; ", refused)
              + ". Only the city's own network may be called (README, Local only)."
              + " Nur Adressen im Netz der Stadt sind erlaubt - der Dienst startet nicht.");
    }
    LOG.infof("Outbound HTTP stays local: model endpoint %s", llm.baseUrl());
  }

  private static void check(LocalOnly rule, String variable, Optional<String> url, List<String> refused) {
    url.flatMap(rule::refusal).ifPresent(reason -> refused.add(variable + " " + reason));
  }
}

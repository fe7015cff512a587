package at.leoben.assistant.staff;

import at.leoben.assistant.staff.StaffLoginConfig.ApiMechanism;
import at.leoben.assistant.staff.StaffLoginConfig.UiMechanism;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Says at start-up how staff sign in, and refuses a combination that would lock every staff member
 * out: Quarkus itself accepts such a configuration and only answers 401 later.
 */
@ApplicationScoped
class StaffLoginCheck {

  private static final Logger LOG = Logger.getLogger(StaffLoginCheck.class);

  private final StaffLoginConfig login;
  // quarkus.oidc.* belongs to Quarkus; read the two keys we need instead of its internal mapping.
  private final Config config;

  StaffLoginCheck(StaffLoginConfig login, Config config) {
    this.login = login;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    // Quarkus' own default is true; application.properties switches it off.
    boolean oidc = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true);
    String applicationType =
        config.getOptionalValue("quarkus.oidc.application-type", String.class).orElse("service");
    List<String> problems = problems(login.api(), login.ui(), oidc, applicationType);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Staff login misconfigured: " + String.join("; ", problems));
    }
    if (GeneratedSessionKey.NAME.equals(config.getConfigValue(GeneratedSessionKey.KEY).getSourceName())) {
      LOG.warn(
          "No QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY: the staff UI's sessions use a key made at start,"
              + " so staff sign in again after a restart and instances do not share sessions");
    }
    String api = login.api().stream().map(m -> m.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining("+"));
    if (oidc) {
      LOG.infof(
          "Staff login: API %s, UI %s; identity provider %s",
          api,
          login.ui().name().toLowerCase(Locale.ROOT),
          config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).orElse("(auth-server-url missing)"));
      if (login.api().contains(ApiMechanism.BASIC)) {
        LOG.info("Local staff accounts stay accepted on the staff API (break-glass); ASSISTANT_STAFF_LOGIN_API=bearer refuses them");
      }
    } else {
      LOG.infof(
          "Staff login: local accounts only (API basic, UI %s); running without the city's identity provider (QUARKUS_OIDC_TENANT_ENABLED=false)",
          login.ui().name().toLowerCase(Locale.ROOT));
    }
  }

  /** What makes the configuration unusable; empty when staff can sign in. */
  static List<String> problems(Set<ApiMechanism> api, UiMechanism ui, boolean oidc, String applicationType) {
    List<String> problems = new ArrayList<>();
    String type = applicationType.toLowerCase(Locale.ROOT);
    if (!oidc && !api.contains(ApiMechanism.BASIC)) {
      problems.add("ASSISTANT_STAFF_LOGIN_API=bearer needs the identity provider (QUARKUS_OIDC_TENANT_ENABLED=true)");
    }
    if (!oidc && ui == UiMechanism.CODE) {
      problems.add("ASSISTANT_STAFF_LOGIN_UI=code needs the identity provider (QUARKUS_OIDC_TENANT_ENABLED=true)");
    }
    // hybrid serves both: bearer tokens on the API, the code flow for browsers without an Authorization header.
    if (oidc && api.contains(ApiMechanism.BEARER) && type.equals("web-app")) {
      problems.add("bearer tokens on the staff API need QUARKUS_OIDC_APPLICATION_TYPE=hybrid, not web-app");
    }
    if (oidc && ui == UiMechanism.CODE && type.equals("service")) {
      problems.add("ASSISTANT_STAFF_LOGIN_UI=code needs QUARKUS_OIDC_APPLICATION_TYPE=hybrid, not service");
    }
    return problems;
  }
}

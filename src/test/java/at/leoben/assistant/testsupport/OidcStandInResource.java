package at.leoben.assistant.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts an {@link OidcStandIn} before the service and switches the service's OIDC on against it.
 * A test gets the running stand-in in any field of type {@link OidcStandIn}.
 */
public class OidcStandInResource implements QuarkusTestResourceLifecycleManager {

  private OidcStandIn standIn;

  @Override
  public Map<String, String> start() {
    standIn = OidcStandIn.start();
    // What an operator sets as environment variables (QUARKUS_OIDC_...), see README.
    return Map.of(
        "quarkus.oidc.tenant-enabled", "true",
        "quarkus.oidc.auth-server-url", standIn.issuer(),
        "quarkus.oidc.client-id", OidcStandIn.CLIENT_ID,
        "quarkus.oidc.credentials.secret", OidcStandIn.CLIENT_SECRET,
        "quarkus.oidc.token.audience", OidcStandIn.CLIENT_ID);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(standIn, new TestInjector.MatchesType(OidcStandIn.class));
  }

  @Override
  public void stop() {
    if (standIn != null) {
      standIn.close();
    }
  }
}

package at.leoben.assistant.staff;

import static io.restassured.RestAssured.given;

import at.leoben.assistant.testsupport.IdentityProvider;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The break-glass path: with the identity provider unreachable the service starts, and local accounts work. */
@QuarkusTest
@TestProfile(OidcIdpDownTest.UnreachableIdentityProvider.class)
@QuarkusTestResource(OllamaStandInResource.class)
class OidcIdpDownTest {

  public static class UnreachableIdentityProvider implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.oidc.tenant-enabled", "true",
          "quarkus.oidc.auth-server-url", "http://127.0.0.1:" + closedPort() + "/realms/leoben",
          "quarkus.oidc.client-id", IdentityProvider.CLIENT_ID,
          "quarkus.oidc.credentials.secret", IdentityProvider.CLIENT_SECRET,
          "quarkus.http.test-port", "0");
    }

    private static int closedPort() {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void localAccountsStillOpenTheStaffApi() {
    Staff.asAdmin().get("/api/v1/admin/knowledge").then().statusCode(200);
  }

  @Test
  void bearerTokensCannotBeCheckedAndAreRefused() {
    // Quarkus raises "OIDC Server is not available": a 503 problem detail, not a 500.
    given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").get("/api/v1/admin/knowledge")
        .then().statusCode(503).contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("Anmeldedienst"));
  }
}

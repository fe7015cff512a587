package at.leoben.assistant.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import at.leoben.assistant.testsupport.IdentityProvider;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The city's identity provider switched on by configuration only (what an operator sets as
 * environment variables): bearer tokens on the staff API, the authorization-code flow on the staff
 * UI, and local accounts still accepted on the API as the break-glass path.
 */
@QuarkusTest
@TestProfile(OidcStaffLoginTest.WithIdentityProvider.class)
@QuarkusTestResource(OllamaStandInResource.class)
class OidcStaffLoginTest {

  public static class WithIdentityProvider implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(IdentityProvider.serviceConfig());
      config.put("assistant.staff.login.ui", "code");
      // A free port, so this run does not collide with another test run on the machine.
      config.put("quarkus.http.test-port", "0");
      return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }
  }

  private static final List<String> ADMIN_ENDPOINTS =
      List.of("/api/v1/admin/knowledge", "/api/v1/admin/bias-reports");

  @OidcWireMock WireMockServer identityProvider;

  private IdentityProvider idp;

  @BeforeEach
  void identityProvider() {
    idp = new IdentityProvider(identityProvider);
  }

  private static Response get(String path, String token) {
    return given().auth().oauth2(token).get(path);
  }

  @Test
  void anAdminTokenOpensTheAdminEndpoints() {
    String token = idp.sign(idp.withRealmRoles("erika.muster", "admin"));
    for (String path : ADMIN_ENDPOINTS) {
      get(path, token).then().statusCode(200);
    }
  }

  @Test
  void aClerkTokenIsAuthenticatedButNotAnAdmin() {
    String token = idp.sign(idp.withRealmRoles("max.clerk", "clerk"));
    for (String path : ADMIN_ENDPOINTS) {
      get(path, token).then().statusCode(403);
    }
  }

  @Test
  void rolesCountOnlyAtTheConfiguredClaimPath() {
    // Entra ID style: top-level "roles". With the Keycloak path configured it grants nothing.
    JwtClaims claims = idp.claims("entra.user");
    claims.setStringListClaim("roles", "admin");
    claims.setStringListClaim("groups", "admin");
    get("/api/v1/admin/knowledge", idp.sign(claims)).then().statusCode(403);
  }

  @Test
  void anExpiredTokenIsRefused() {
    JwtClaims claims = idp.withRealmRoles("erika.muster", "admin");
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(-5);
    get("/api/v1/admin/knowledge", idp.sign(claims)).then().statusCode(401);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    String token = idp.signWithForeignKey(idp.withRealmRoles("erika.muster", "admin"));
    get("/api/v1/admin/knowledge", token).then().statusCode(401);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    JwtClaims claims = idp.withRealmRoles("erika.muster", "admin");
    claims.setIssuer("http://127.0.0.1:1/realms/somewhere-else");
    get("/api/v1/admin/knowledge", idp.sign(claims)).then().statusCode(401);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    JwtClaims claims = idp.withRealmRoles("erika.muster", "admin");
    claims.setAudience("some-other-app");
    get("/api/v1/admin/knowledge", idp.sign(claims)).then().statusCode(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
  void garbageIsRefused(String token) {
    get("/api/v1/admin/knowledge", token).then().statusCode(401);
  }

  @Test
  void withoutCredentialsTheApiAnswers401NotARedirectToTheIdentityProvider() {
    for (String path : ADMIN_ENDPOINTS) {
      given().redirects().follow(false).get(path)
          .then().statusCode(401).header("Location", nullValue());
    }
  }

  @Test
  void localAccountsStayAcceptedOnTheApiAsBreakGlass() {
    Staff.asAdmin().get("/api/v1/admin/knowledge").then().statusCode(200);
    Staff.asClerk().get("/api/v1/admin/knowledge").then().statusCode(403);
    given().auth().preemptive().basic(Staff.ADMIN, "wrong-password-123")
        .get("/api/v1/admin/knowledge").then().statusCode(401);
  }

  @Test
  void theStaffUiSendsAnAnonymousBrowserToTheIdentityProvider() {
    Response response = given().redirects().follow(false).get("/staff");
    response.then().statusCode(302);
    String location = response.header("Location");
    assertThat(location).startsWith(idp.authorizationEndpoint() + "?");
    Map<String, String> query = IdentityProvider.query(location);
    assertThat(query)
        .containsEntry("client_id", IdentityProvider.CLIENT_ID)
        .containsEntry("response_type", "code")
        .containsKey("state");
    assertThat(query.get("redirect_uri")).endsWith("/staff");
    assertThat(query.get("scope")).contains("openid");
  }

  @Test
  void theCodeFlowLogsAClerkIntoTheStaffUiAndRestoresTheDeepLink() {
    int exchangesBefore = idp.codeExchanges();
    Response toIdp = given().redirects().follow(false).get("/staff/item");
    toIdp.then().statusCode(302);
    Map<String, String> cookies = login(toIdp, idp.withRealmRoles("max.clerk", "clerk"), "/staff/item");
    assertThat(idp.codeExchanges()).isEqualTo(exchangesBefore + 1);

    // The clerk role came through the ID token: the queue (clerk or admin) opens.
    given().redirects().follow(false).cookies(cookies).get("/staff").then().statusCode(200);
    // The UI session is no key to the API: that takes bearer tokens and local accounts only.
    given().redirects().follow(false).cookies(cookies).get("/api/v1/reviews").then().statusCode(401);
  }

  @Test
  void anOperatorSignedInAtTheIdentityProviderMayNotOpenTheReviewQueue() {
    Response toIdp = given().redirects().follow(false).get("/staff");
    Map<String, String> cookies = login(toIdp, idp.withRealmRoles("otto.operator", "operator"), "/staff");
    given().redirects().follow(false).cookies(cookies).get("/staff").then().statusCode(403);
  }

  @Test
  void loggingOutOfTheUiEndsTheSessionAtTheIdentityProvider() {
    Response toIdp = given().redirects().follow(false).get("/staff");
    Map<String, String> cookies = login(toIdp, idp.withRealmRoles("max.clerk", "clerk"), "/staff");

    Response logout = given().redirects().follow(false).cookies(cookies).post("/staff/logout");
    logout.then().statusCode(302);
    assertThat(logout.header("Location")).startsWith(idp.endSessionEndpoint() + "?");
    assertThat(IdentityProvider.query(logout.header("Location")).get("post_logout_redirect_uri")).endsWith("/staff/login");
    assertThat(logout.getDetailedCookies().asList())
        .filteredOn(cookie -> cookie.getName().startsWith("q_session"))
        .isNotEmpty()
        .allMatch(cookie -> cookie.getMaxAge() == 0 || cookie.getValue().isEmpty());
  }

  /**
   * Plays the browser from the redirect to the identity provider (its login page, submitted) until
   * the service has set its session cookie and sends it back to {@code restoredPath}.
   */
  private Map<String, String> login(Response toIdp, JwtClaims user, String restoredPath) {
    idp.nextLogin(user);
    follow(toIdp.header("Location"), Map.of()).then().statusCode(200);
    Response back = follow(idp.submitLogin(toIdp.header("Location")), Map.of());
    back.then().statusCode(302);
    String callback = back.header("Location");
    assertThat(URI.create(callback).getPath()).isEqualTo("/staff");

    Response session = follow(callback, toIdp.getCookies());
    session.then().statusCode(302);
    assertThat(URI.create(session.header("Location")).getPath()).isEqualTo(restoredPath);
    Map<String, String> cookies = new HashMap<>(session.getCookies());
    assertThat(cookies.keySet()).anyMatch(name -> name.startsWith("q_session"));
    return cookies;
  }

  /** Like a browser: the Location is used as it is (RestAssured would encode its query again). */
  private static Response follow(String location, Map<String, String> cookies) {
    return given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(location);
  }
}

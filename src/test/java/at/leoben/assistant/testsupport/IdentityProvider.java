package at.leoben.assistant.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;

/**
 * The city's identity provider in the OIDC tests: Quarkus's mock OIDC server
 * ({@code quarkus-test-oidc-server}: WireMock in the test JVM, shaped like a Keycloak realm; start it
 * with {@code OidcWiremockTestResource}), plus what the staff login needs from it: tokens with
 * Keycloak realm roles for this service, a token signed by a stranger under the server's key id,
 * and the login of a chosen user through the authorization-code flow.
 */
public final class IdentityProvider {

  public static final String CLIENT_ID = "buergerassistent";
  // At least 32 characters, as Quarkus wants for deriving its cookie encryption keys from it.
  public static final String CLIENT_SECRET = "stand-in-client-secret-0123456789abcdef";

  /** The issuer the mock server's discovery document names. */
  private static final String ISSUER = "https://server.example.com";
  private static final String REALM = "/auth/realms/quarkus";
  private static final String TOKEN_PATH = REALM + "/token";
  private static final String KEY_ID = "1";
  private static final PrivateKey FOREIGN_KEY = foreignKey();

  private final WireMockServer server;

  /** The mock server, as {@code @OidcWireMock} injects it into a test. */
  public IdentityProvider(WireMockServer server) {
    this.server = server;
  }

  /** The service's OIDC settings against the mock server, as an operator sets them (QUARKUS_OIDC_...). */
  public static Map<String, String> serviceConfig() {
    return Map.of(
        "quarkus.oidc.tenant-enabled", "true",
        "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
        "quarkus.oidc.client-id", CLIENT_ID,
        "quarkus.oidc.credentials.secret", CLIENT_SECRET,
        "quarkus.oidc.token.audience", CLIENT_ID);
  }

  public String authorizationEndpoint() {
    return server.baseUrl() + REALM;
  }

  public String endSessionEndpoint() {
    return server.baseUrl() + REALM + "/protocol/openid-connect/end-session";
  }

  /** Claims of a valid token for {@code username}: this issuer, the service as audience, five minutes. */
  public JwtClaims claims(String username) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setSubject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
    claims.setClaim("preferred_username", username);
    claims.setAudience(CLIENT_ID);
    claims.setClaim("azp", CLIENT_ID);
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setGeneratedJwtId();
    return claims;
  }

  /** Keycloak puts realm roles at {@code realm_access.roles}. */
  public JwtClaims withRealmRoles(String username, String... roles) {
    JwtClaims claims = claims(username);
    claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
    return claims;
  }

  /** Signed with the mock server's key (its {@code privateKey.jwk}). */
  public String sign(JwtClaims claims) {
    return Jwt.claims(claims.getClaimsMap()).jws().keyId(KEY_ID).sign("privateKey.jwk");
  }

  /** Signed with another key under the same key id: the service finds "its" key and must reject the signature. */
  public String signWithForeignKey(JwtClaims claims) {
    return Jwt.claims(claims.getClaimsMap()).jws().keyId(KEY_ID).sign(FOREIGN_KEY);
  }

  /**
   * The next authorization code the service exchanges yields tokens with these claims; the
   * exchange must authenticate the service as its client.
   */
  public void nextLogin(JwtClaims claims) {
    String token = sign(claims);
    server.stubFor(post(urlEqualTo(TOKEN_PATH))
        .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
        .withRequestBody(containing("grant_type=authorization_code"))
        .willReturn(okJson("{\"access_token\":\"" + token + "\",\"id_token\":\"" + token
            + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
  }

  /**
   * Where the browser goes when the user submits the login page the service sent it to: the mock
   * server's {@code /login}, which redirects back to the service with a code and the state.
   */
  public String submitLogin(String authorizationUrl) {
    Map<String, String> query = query(authorizationUrl);
    return server.baseUrl() + "/login?state=" + encode(query.get("state"))
        + "&redirect_uri=" + encode(query.get("redirect_uri"));
  }

  /** How often the service exchanged an authorization code at the token endpoint. */
  public int codeExchanges() {
    return server.countRequestsMatching(postRequestedFor(urlEqualTo(TOKEN_PATH)).build()).getCount();
  }

  /** The decoded query parameters of a URL. */
  public static Map<String, String> query(String url) {
    Map<String, String> values = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static PrivateKey foreignKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has RSA", e);
    }
  }
}

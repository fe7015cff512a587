package at.leoben.assistant.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * In-process stand-in for the city's identity provider, shaped like a Keycloak realm: discovery
 * document, JWKS, an authorization endpoint that logs in a preset user at once, and a token endpoint
 * for the authorization-code exchange (its end-session endpoint is only advertised). Tests sign access tokens with its key ({@link #sign}), or with
 * a stranger's key under the same key id ({@link #signWithForeignKey}).
 */
public final class OidcStandIn implements AutoCloseable {

  public static final String CLIENT_ID = "buergerassistent";
  // At least 32 characters, as Quarkus wants for deriving its cookie encryption keys from it.
  public static final String CLIENT_SECRET = "stand-in-client-secret-0123456789abcdef";

  private static final String REALM_PATH = "/realms/leoben";
  private static final String AUTH_PATH = REALM_PATH + "/protocol/openid-connect/auth";
  private static final String TOKEN_PATH = REALM_PATH + "/protocol/openid-connect/token";
  private static final String CERTS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
  private static final String LOGOUT_PATH = REALM_PATH + "/protocol/openid-connect/logout";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final RsaJsonWebKey key;
  private final RsaJsonWebKey foreignKey;
  private final Map<String, JwtClaims> codes = new ConcurrentHashMap<>();
  private final AtomicReference<JwtClaims> nextLogin = new AtomicReference<>();
  private final AtomicInteger codeExchanges = new AtomicInteger();

  private OidcStandIn(HttpServer server, ExecutorService executor) throws JoseException {
    this.server = server;
    this.executor = executor;
    this.key = rsaKey("stand-in-key");
    // Same key id: the service finds "its" key and must reject the signature itself.
    this.foreignKey = rsaKey("stand-in-key");
  }

  public static OidcStandIn start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newCachedThreadPool();
      server.setExecutor(executor);
      OidcStandIn standIn = new OidcStandIn(server, executor);
      server.createContext("/", standIn::handle);
      server.start();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The issuer, which is also the auth-server-url (discovery lives below it). */
  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
  }

  public String authorizationEndpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + AUTH_PATH;
  }

  public String endSessionEndpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + LOGOUT_PATH;
  }

  /** Claims of a valid token for {@code username}: this issuer, the service as audience, five minutes. */
  public JwtClaims claims(String username) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer());
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

  public String sign(JwtClaims claims) {
    return sign(claims, key);
  }

  public String signWithForeignKey(JwtClaims claims) {
    return sign(claims, foreignKey);
  }

  /** The next browser that reaches the authorization endpoint is logged in with these claims. */
  public void nextLogin(JwtClaims claims) {
    nextLogin.set(claims);
  }

  /** How often the service exchanged an authorization code at the token endpoint. */
  public int codeExchanges() {
    return codeExchanges.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static RsaJsonWebKey rsaKey(String keyId) throws JoseException {
    RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
    jwk.setKeyId(keyId);
    jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    jwk.setUse("sig");
    return jwk;
  }

  private static String sign(JwtClaims claims, RsaJsonWebKey signingKey) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(signingKey.getPrivateKey());
    jws.setKeyIdHeaderValue(signingKey.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case REALM_PATH + "/.well-known/openid-configuration" -> json(exchange, 200, discovery());
        case CERTS_PATH -> send(exchange, 200,
            "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}");
        case AUTH_PATH -> authorize(exchange);
        case TOKEN_PATH -> token(exchange);
        default -> json(exchange, 404, Map.of("error", "not_found"));
      }
    }
  }

  private Map<String, Object> discovery() {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("issuer", issuer());
    document.put("authorization_endpoint", base + AUTH_PATH);
    document.put("token_endpoint", base + TOKEN_PATH);
    document.put("jwks_uri", base + CERTS_PATH);
    document.put("end_session_endpoint", base + LOGOUT_PATH);
    document.put("response_types_supported", List.of("code"));
    document.put("subject_types_supported", List.of("public"));
    document.put("id_token_signing_alg_values_supported", List.of("RS256"));
    document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
    return document;
  }

  /** Logs the preset user in without a page and sends the browser back with a code. */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
    JwtClaims claims = nextLogin.getAndSet(null);
    if (claims == null || !CLIENT_ID.equals(query.get("client_id")) || query.get("redirect_uri") == null) {
      json(exchange, 400, Map.of("error", "invalid_request"));
      return;
    }
    String code = UUID.randomUUID().toString();
    codes.put(code, claims);
    String location = query.get("redirect_uri")
        + (query.get("redirect_uri").contains("?") ? "&" : "?")
        + "code=" + code
        + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!clientAuthenticated(exchange, body)) {
      json(exchange, 401, Map.of("error", "invalid_client"));
      return;
    }
    JwtClaims claims = "authorization_code".equals(body.get("grant_type")) ? codes.remove(body.get("code")) : null;
    if (claims == null) {
      json(exchange, 400, Map.of("error", "invalid_grant"));
      return;
    }
    codeExchanges.incrementAndGet();
    String token = sign(claims);
    json(exchange, 200, Map.of(
        "access_token", token, "id_token", token, "token_type", "Bearer", "expires_in", 300));
  }

  private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> body) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.startsWith("Basic ")) {
      String expected = Base64.getEncoder()
          .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
      return header.substring("Basic ".length()).equals(expected);
    }
    return CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret"));
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void json(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, MAPPER.writeValueAsString(body));
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

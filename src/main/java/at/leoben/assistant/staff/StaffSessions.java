package at.leoben.assistant.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Sessions of the staff UI, kept in PostgreSQL so that logging out ends them on every instance.
 * Quarkus' form login keeps only an encrypted cookie with the name and an expiry; a copy of it
 * would open /staff after the logout until it expires. A sign-in through the form therefore also
 * gets a random session cookie whose hash is stored here, and a request with the login cookie is
 * let in only with a session that was not ended and has not been idle too long.
 */
@ApplicationScoped
public class StaffSessions implements IdentityProvider<TrustedAuthenticationRequest> {

  public static final String COOKIE = "ba-session";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final EntityManager database;
  private final Clock clock;
  private final Duration idle;

  // quarkus.http.auth.form.timeout belongs to Quarkus: the session ends when its cookie would.
  StaffSessions(EntityManager database, Clock clock, Config config) {
    this.database = database;
    this.clock = clock;
    this.idle = config.getOptionalValue("quarkus.http.auth.form.timeout", Duration.class).orElse(Duration.ofMinutes(30));
  }

  /** A session for a form sign-in that just succeeded; its cookie goes out with the redirect. */
  void begin(String username, RoutingContext http) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = Instant.now(clock);
    QuarkusTransaction.requiringNew().run(() -> database
        .createNativeQuery("insert into staff_session (id, username, created_at, last_seen) values (?1, ?2, ?3, ?3)")
        .setParameter(1, hash(value))
        .setParameter(2, username)
        .setParameter(3, now)
        .executeUpdate());
    http.response().addCookie(Cookie.cookie(COOKIE, value)
        .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(http.request().isSSL()));
  }

  /** Ends the session of this cookie (logout); nothing happens for an unknown one. */
  public void end(String cookie) {
    if (cookie == null || cookie.isBlank()) {
      return;
    }
    QuarkusTransaction.requiringNew().run(() -> database
        .createNativeQuery("delete from staff_session where id = ?1")
        .setParameter(1, hash(cookie))
        .executeUpdate());
  }

  @Override
  public Class<TrustedAuthenticationRequest> getRequestType() {
    return TrustedAuthenticationRequest.class;
  }

  /** The login cookie was decrypted: let it in only with a live session of the same person. */
  @Override
  public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> resume(request));
  }

  private SecurityIdentity resume(TrustedAuthenticationRequest request) {
    RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
    Cookie cookie = http == null ? null : http.request().getCookie(COOKIE);
    String username = request.getPrincipal();
    if (cookie == null || !live(hash(cookie.getValue()), username)) {
      throw new AuthenticationFailedException();
    }
    StaffAccount account = QuarkusTransaction.joiningExisting().call(() -> StaffAccount.find("username", username).firstResult());
    if (account == null) {
      throw new AuthenticationFailedException();
    }
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.username))
        .addRoles(Arrays.stream(account.roles.split(",")).map(String::strip).collect(Collectors.toSet()))
        .build();
  }

  /** Whether the session exists for this person and was seen lately; marks it seen. */
  private boolean live(String id, String username) {
    Instant now = Instant.now(clock);
    return QuarkusTransaction.requiringNew().call(() -> {
      var rows = database
          .createNativeQuery("select last_seen from staff_session where id = ?1 and username = ?2")
          .setParameter(1, id)
          .setParameter(2, username)
          .getResultList();
      if (rows.isEmpty()) {
        return false;
      }
      Object seen = rows.get(0);
      Instant lastSeen = seen instanceof Instant instant ? instant : ((java.sql.Timestamp) seen).toInstant();
      if (lastSeen.plus(idle).isBefore(now)) {
        return false;
      }
      if (lastSeen.plus(TOUCH_EVERY).isBefore(now)) {
        database.createNativeQuery("update staff_session set last_seen = ?2 where id = ?1")
            .setParameter(1, id).setParameter(2, now).executeUpdate();
      }
      return true;
    });
  }

  @Scheduled(identity = "staff-session-cleanup", every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void removeIdleSessions() {
    Instant before = Instant.now(clock).minus(idle);
    QuarkusTransaction.requiringNew().run(() -> database
        .createNativeQuery("delete from staff_session where last_seen < ?1")
        .setParameter(1, before)
        .executeUpdate());
  }

  private static String hash(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

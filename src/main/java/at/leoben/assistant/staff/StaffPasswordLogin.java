package at.leoben.assistant.staff;

import at.leoben.assistant.audit.AuditTrail;
import at.leoben.assistant.audit.StaffAction;
import at.leoben.assistant.ratelimit.LoginThrottle;
import at.leoben.assistant.web.ClientAddresses;
import at.leoben.assistant.web.InputText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Signs staff in with a local account (HTTP Basic on the API, the login form of the UI): the name
 * in any case, the password checked against its bcrypt hash, and the brute-force throttle asked
 * before and told after. A lock-out that begins is audited; the password is never checked while a
 * client is locked, so even the right one does not get through then.
 */
@ApplicationScoped
class StaffPasswordLogin implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

  static final String LOCKED_OUT = "STAFF_LOGIN_LOCKED";
  private static final Logger LOG = Logger.getLogger(StaffPasswordLogin.class);
  /** Checked when the account does not exist, so that the answer takes as long either way. */
  private static final String NO_ACCOUNT_HASH = StaffPasswords.hash("no-such-account-at-all");

  private final LoginThrottle throttle;
  private final ClientAddresses clients;
  private final AuditTrail audit;
  private final StaffSessions sessions;

  StaffPasswordLogin(LoginThrottle throttle, ClientAddresses clients, AuditTrail audit, StaffSessions sessions) {
    this.throttle = throttle;
    this.clients = clients;
    this.audit = audit;
    this.sessions = sessions;
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(() -> signIn(request));
  }

  private SecurityIdentity signIn(UsernamePasswordAuthenticationRequest request) {
    String given = request.getUsername() == null ? "" : request.getUsername();
    if (given.isBlank() || given.length() > 100 || InputText.hasControlCharacters(given)) {
      throw new AuthenticationFailedException();
    }
    String username = StaffPasswords.username(given);
    RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
    String client = http == null ? "unknown" : clients.of(http.request());
    throttle.lockedFor(username, client).ifPresent(seconds -> {
      throw LoginLocked.forSeconds(seconds);
    });
    StaffAccount account = QuarkusTransaction.joiningExisting().call(() -> StaffAccount.find("username", username).firstResult());
    String password = new String(request.getPassword().getPassword());
    if (!StaffPasswords.matches(password, account == null ? NO_ACCOUNT_HASH : account.passwordHash) || account == null) {
      List<LoginThrottle.Scope> locked = throttle.failed(username, client);
      if (!locked.isEmpty()) {
        recordLockOut(account == null ? null : account.username, locked);
      }
      throw new AuthenticationFailedException();
    }
    throttle.succeeded(username, client);
    if (http != null && http.normalizedPath().equals("/j_security_check")) {
      sessions.begin(account.username, http);
    }
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(account.username))
        .addRoles(Arrays.stream(account.roles.split(",")).map(String::strip).collect(Collectors.toSet()))
        .addCredential(request.getPassword())
        .build();
  }

  /** Who was locked out and how; the client only as "a client", its address is personal data. */
  private void recordLockOut(String account, List<LoginThrottle.Scope> scopes) {
    String kinds = scopes.stream().map(Enum::name).collect(Collectors.joining(","));
    LOG.warnf("Staff sign-in locked after repeated wrong passwords (%s)", kinds);
    QuarkusTransaction.requiringNew().run(() -> audit.recordStaffAction(new StaffAction(
        LOCKED_OUT, null, null, kinds, null, account, null,
        "wrong passwords; sign-in paused for this " + (scopes.contains(LoginThrottle.Scope.ACCOUNT) ? "account" : "client"))));
  }
}

package at.leoben.assistant.staff;

import at.leoben.assistant.web.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Local staff accounts, for when no identity provider is configured: created by admins. */
@ApplicationScoped
public class StaffAccounts {

  static final int MIN_PASSWORD_LENGTH = 12;
  private static final Set<String> ROLES = Set.of(StaffMember.CLERK, StaffMember.ADMIN, StaffMember.OPERATOR);

  private final Clock clock;

  public StaffAccounts(Clock clock) {
    this.clock = clock;
  }

  @Transactional
  public List<StaffAccountView> list() {
    return StaffAccount.<StaffAccount>list("order by username").stream().map(StaffAccounts::view).toList();
  }

  @Transactional
  public StaffAccountView create(StaffAccountInput input) {
    if (input == null || input.username() == null || !input.username().matches("[A-Za-z0-9._-]{3,100}")) {
      throw ProblemException.badRequest("problem.staff.username");
    }
    if (input.password() == null || input.password().length() < MIN_PASSWORD_LENGTH) {
      throw ProblemException.badRequest("problem.staff.password", MIN_PASSWORD_LENGTH);
    }
    TreeSet<String> roles = new TreeSet<>();
    for (String role : input.roles() == null ? List.<String>of() : input.roles()) {
      String normalised = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
      if (!ROLES.contains(normalised)) {
        throw ProblemException.badRequest("problem.staff.roles");
      }
      roles.add(normalised);
    }
    if (roles.isEmpty()) {
      throw ProblemException.badRequest("problem.staff.roles");
    }
    if (StaffAccount.count("username", input.username()) > 0) {
      throw new ProblemException(Status.CONFLICT, "problem.validation.title", "problem.staff.taken");
    }
    StaffAccount account = new StaffAccount();
    account.username = input.username();
    account.passwordHash = BcryptUtil.bcryptHash(input.password());
    account.roles = String.join(",", roles);
    account.createdAt = Instant.now(clock);
    account.persist();
    return view(account);
  }

  @Transactional
  public void delete(String username) {
    StaffAccount account = StaffAccount.find("username", username).firstResult();
    if (account == null) {
      throw new ProblemException(Status.NOT_FOUND, "problem.not-found.title", "problem.staff.not-found");
    }
    boolean admin = roles(account).contains(StaffMember.ADMIN);
    if (admin && StaffAccount.<StaffAccount>streamAll().filter(a -> roles(a).contains(StaffMember.ADMIN)).count() == 1) {
      throw new ProblemException(Status.CONFLICT, "problem.validation.title", "problem.staff.last-admin");
    }
    account.delete();
  }

  private static List<String> roles(StaffAccount account) {
    return Arrays.stream(account.roles.split(",")).map(String::strip).toList();
  }

  private static StaffAccountView view(StaffAccount account) {
    return new StaffAccountView(account.username, roles(account), account.createdAt);
  }
}

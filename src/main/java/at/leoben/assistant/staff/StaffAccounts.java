package at.leoben.assistant.staff;

import at.leoben.assistant.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Local staff accounts, for when no identity provider is configured: created by admins. */
@ApplicationScoped
public class StaffAccounts {

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
    String username = StaffPasswords.username(input.username());
    if (StaffAccount.count("username", username) > 0) {
      throw new ProblemException(Status.CONFLICT, "problem.validation.title", "problem.staff.taken");
    }
    TreeSet<String> roles = new TreeSet<>();
    input.roles().forEach(role -> roles.add(role.strip().toLowerCase(Locale.ROOT)));
    StaffAccount account = new StaffAccount();
    account.username = username;
    account.passwordHash = StaffPasswords.hash(input.password());
    account.roles = String.join(",", roles);
    account.createdAt = Instant.now(clock);
    account.persist();
    return view(account);
  }

  @Transactional
  public void delete(String username) {
    StaffAccount account = StaffAccount.find("username", StaffPasswords.username(username)).firstResult();
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

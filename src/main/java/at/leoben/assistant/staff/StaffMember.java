package at.leoben.assistant.staff;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;

/**
 * The member of staff behind a request: login name and the role they act in, as the audit and
 * the AI-Disclosure header name them.
 */
public record StaffMember(String username, String role) {

  public static final String ADMIN = "admin";
  public static final String CLERK = "clerk";
  public static final String OPERATOR = "operator";

  /** Strongest role first: someone who is admin and clerk acts as admin. */
  private static final List<String> ROLES = List.of(ADMIN, CLERK, OPERATOR);

  public static StaffMember of(SecurityIdentity identity) {
    String role = ROLES.stream().filter(identity::hasRole).findFirst().orElse("none");
    return new StaffMember(identity.getPrincipal().getName(), role);
  }

  public boolean isAdmin() {
    return ADMIN.equals(role);
  }
}

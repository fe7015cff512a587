package at.leoben.assistant.staff;

import io.smallrye.config.ConfigMapping;
import java.util.Set;

/**
 * {@code assistant.staff.login.*}: how staff sign in. application.properties feeds these values into
 * the path-specific mechanisms of the staff permissions ({@code quarkus.http.auth.permission.staff-api}
 * and {@code staff-ui}), which Quarkus reads at run time; this mapping makes a typo fail at start-up
 * instead of silently locking staff out.
 */
@ConfigMapping(prefix = "assistant.staff.login")
public interface StaffLoginConfig {

  /** Mechanisms the staff API accepts (ASSISTANT_STAFF_LOGIN_API, comma-separated). */
  Set<ApiMechanism> api();

  /** How the staff UI at /staff signs people in (ASSISTANT_STAFF_LOGIN_UI). */
  UiMechanism ui();

  enum ApiMechanism {
    /** HTTP Basic with a local account: also the break-glass path when the identity provider is down. */
    BASIC,
    /** An access token of the city's identity provider; inert while OIDC is off. */
    BEARER
  }

  enum UiMechanism {
    /** The login form at /staff/login with a local account. */
    FORM,
    /** The identity provider's login page (OIDC authorization-code flow). */
    CODE
  }
}

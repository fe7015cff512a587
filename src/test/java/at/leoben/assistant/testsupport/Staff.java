package at.leoben.assistant.testsupport;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.specification.RequestSpecification;
import static io.restassured.RestAssured.given;

/** Staff callers for tests: the bootstrap admin of the test profile and a clerk made in the database. */
public final class Staff {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-secret";
  public static final String CLERK = "test-clerk";
  public static final String CLERK_PASSWORD = "clerk-secret-123";

  private Staff() {}

  public static RequestSpecification asAdmin() {
    return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
  }

  public static RequestSpecification asClerk() {
    ensureClerk();
    return given().auth().preemptive().basic(CLERK, CLERK_PASSWORD);
  }

  private static void ensureClerk() {
    if (Db.rows("select 1 from staff_account where username = ?", CLERK).isEmpty()) {
      Db.execute(
          "insert into staff_account (username, password_hash, roles, created_at) values ('"
              + CLERK
              + "', '"
              + BcryptUtil.bcryptHash(CLERK_PASSWORD)
              + "', 'clerk', now())");
    }
  }
}

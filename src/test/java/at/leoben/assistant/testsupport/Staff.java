package at.leoben.assistant.testsupport;

import static io.restassured.RestAssured.given;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Staff callers for tests: the bootstrap admin of the test profile and accounts made in the database.
 * They speak JSON as API clients do: RestAssured's default form encoding would (rightly) meet the
 * CSRF check of the staff UI's forms.
 */
public final class Staff {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-secret";
  public static final String CLERK = "test-clerk";
  public static final String CLERK_PASSWORD = "clerk-secret-123";
  public static final String OTHER_CLERK = "test-clerk-2";
  public static final String OPERATOR = "test-operator";

  private Staff() {}

  public static RequestSpecification asAdmin() {
    return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType(ContentType.JSON);
  }

  public static RequestSpecification asClerk() {
    return as(CLERK, "clerk");
  }

  public static RequestSpecification asOtherClerk() {
    return as(OTHER_CLERK, "clerk");
  }

  public static RequestSpecification asOperator() {
    return as(OPERATOR, "operator");
  }

  /** A caller with a local account of these roles (created on first use, password CLERK_PASSWORD). */
  public static RequestSpecification as(String username, String roles) {
    ensure(username, roles);
    return given().auth().preemptive().basic(username, CLERK_PASSWORD).contentType(ContentType.JSON);
  }

  public static void ensure(String username, String roles) {
    if (Db.rows("select 1 from staff_account where username = ?", username).isEmpty()) {
      Db.execute(
          "insert into staff_account (username, password_hash, roles, created_at) values ('"
              + username
              + "', '"
              + BcryptUtil.bcryptHash(CLERK_PASSWORD)
              + "', '"
              + roles
              + "', now()) on conflict (username) do nothing");
    }
  }
}

package at.leoben.assistant.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Brute force against the staff login is throttled per account and client, per client and per
 * account, in PostgreSQL, with a German answer and an audit entry, and without becoming a way to
 * keep the admin out: other clients and clients that signed in before still get in, and every
 * lock-out ends by itself.
 */
@QuarkusTest
@TestProfile(StaffLoginThrottleTest.Throttled.class)
@QuarkusTestResource(OllamaStandInResource.class)
class StaffLoginThrottleTest {

  public static class Throttled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "assistant.staff.login.throttle.failures-per-account-and-client", "3",
          "assistant.staff.login.throttle.failures-per-client", "6",
          "assistant.staff.login.throttle.failures-per-account", "8",
          "assistant.staff.login.throttle.lock-time", "15s",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true",
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
    }
  }

  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final String WRONG = "definitely-wrong-password";

  private String clerk;

  @BeforeEach
  void freshAccountAndBuckets() {
    Db.execute("delete from rate_limit_bucket where id like 'login%'");
    Db.execute("delete from staff_login_known_client");
    clerk = "throttled-clerk-" + System.nanoTime();
    Staff.ensure(clerk, "clerk");
  }

  private static String newClient() {
    int n = CLIENTS.incrementAndGet();
    return "192.0.2." + (n % 250 + 1);
  }

  private static Response basic(String client, String username, String password) {
    return given().header("X-Forwarded-For", client).auth().preemptive().basic(username, password).get("/api/v1/reviews");
  }

  @Test
  void wrongPasswordsLockTheAccountForThatClientWithAGermanProblemAndAnAuditEntry() {
    String client = newClient();
    long lockOuts = lockOutEntries();
    for (int i = 0; i < 3; i++) {
      basic(client, clerk, WRONG).then().statusCode(401).contentType("application/problem+json");
    }

    Response locked = basic(client, clerk, Staff.CLERK_PASSWORD);

    locked.then().statusCode(429).contentType("application/problem+json")
        .body("title", equalTo("Anmeldung vorübergehend gesperrt"))
        .body("detail", containsString("Bitte versuchen Sie es in 1 Minute(n) wieder"));
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 16L);
    assertThat(lockOutEntries()).isEqualTo(lockOuts + 1);
    assertThat(Db.rows("select actor, kind from audit_entry where event = 'STAFF_LOGIN_LOCKED' order by id desc limit 1").get(0))
        .containsEntry("actor", clerk)
        .containsEntry("kind", "ACCOUNT_AND_CLIENT");
    given().header("X-Forwarded-For", client).header("Accept-Language", "en")
        .auth().preemptive().basic(clerk, Staff.CLERK_PASSWORD).get("/api/v1/reviews")
        .then().statusCode(429).body("title", equalTo("Sign-in paused"));

    // The same person from another client is not locked out ...
    basic(newClient(), clerk, Staff.CLERK_PASSWORD).then().statusCode(200);
    // ... and the lock-out ends by itself.
    awaitSignIn(client, clerk);
  }

  @Test
  void aClientGuessingManyAccountsIsThrottled() {
    String client = newClient();
    for (int i = 0; i < 6; i++) {
      basic(client, "nobody-" + i + "-" + System.nanoTime(), WRONG).then().statusCode(401);
    }
    basic(client, clerk, Staff.CLERK_PASSWORD).then().statusCode(429);
    basic(newClient(), clerk, Staff.CLERK_PASSWORD).then().statusCode(200);
  }

  @Test
  void aFloodFromManyClientsDoesNotKeepOutAClientThatSignedInBefore() {
    String usual = newClient();
    basic(usual, clerk, Staff.CLERK_PASSWORD).then().statusCode(200);
    for (int i = 0; i < 8; i++) {
      basic(newClient(), clerk, WRONG).then().statusCode(401);
    }
    // A client the account never saw must wait; the clerk's usual one still signs in.
    basic(newClient(), clerk, Staff.CLERK_PASSWORD).then().statusCode(429);
    basic(usual, clerk, Staff.CLERK_PASSWORD).then().statusCode(200);
    assertThat(Db.rows("select kind from audit_entry where event = 'STAFF_LOGIN_LOCKED' and actor = ?", clerk))
        .extracting(row -> row.get("kind")).contains("ACCOUNT");
  }

  @Test
  void theLoginFormSaysInGermanHowLongTheLockOutLasts() {
    String client = newClient();
    for (int i = 0; i < 3; i++) {
      form(client, clerk, WRONG).then().statusCode(302).header("Location", containsString("/staff/login?error"));
    }
    Response locked = form(client, clerk, Staff.CLERK_PASSWORD);
    locked.then().statusCode(302).header("Location", equalTo("/staff/login?locked=1"));
    assertThat(locked.getCookie("ba-staff")).isNull();
    given().get("/staff/login?locked=1").then().statusCode(200)
        .body(containsString("Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in 1 Minute(n) wieder."));
  }

  @Test
  void theLocksLiveInTheDatabaseSharedByAllInstances() {
    String client = newClient();
    for (int i = 0; i < 3; i++) {
      basic(client, clerk, WRONG).then().statusCode(401);
    }
    // Another instance reads the same buckets: after they are gone, the lock is too.
    basic(client, clerk, Staff.CLERK_PASSWORD).then().statusCode(429);
    assertThat(Db.rows("select id from rate_limit_bucket where id like 'login%'"))
        .isNotEmpty()
        .allSatisfy(row -> assertThat((String) row.get("id")).matches("login-[a-z-]+:[0-9a-f]{64}"));
    Db.execute("delete from rate_limit_bucket where id like 'login%'");
    basic(client, clerk, Staff.CLERK_PASSWORD).then().statusCode(200);
  }

  @Test
  void loginNamesAreOneAccountWhateverTheirCase() {
    given().auth().preemptive().basic("ADMIN", Staff.ADMIN_PASSWORD).get("/api/v1/admin/staff")
        .then().statusCode(200);
    Staff.asAdmin().body(Map.of("username", "ADMIN", "password", "noch-ein-passwort", "roles", List.of("admin")))
        .post("/api/v1/admin/staff").then().statusCode(409).contentType("application/problem+json");
    String mixed = "Mixed.Case-" + System.nanoTime();
    Staff.asAdmin().body(Map.of("username", mixed, "password", "ein-langes-passwort", "roles", List.of("clerk")))
        .post("/api/v1/admin/staff").then().statusCode(201).body("username", equalTo(mixed.toLowerCase()));
    given().auth().preemptive().basic(mixed.toUpperCase(), "ein-langes-passwort").get("/api/v1/reviews")
        .then().statusCode(200);
  }

  @Test
  void passwordsLongerThanBcryptReadsAreRefusedNotCut() {
    String name = "long-" + System.nanoTime();
    String longPassword = "ä".repeat(36) + "-lang"; // 72 bytes of umlauts, 77 in all
    Staff.asAdmin().body(Map.of("username", name, "password", longPassword, "roles", List.of("clerk")))
        .post("/api/v1/admin/staff").then().statusCode(400).contentType("application/problem+json")
        .body("detail", containsString("höchstens 72 Bytes"));
    assertThat(Db.rows("select 1 from staff_account where username = ?", name)).isEmpty();

    // An account whose hash bcrypt made from a longer password (before this rule) is not opened
    // by another password that only shares its first 72 bytes.
    String first72 = "x".repeat(72);
    Db.update("insert into staff_account (username, password_hash, roles, created_at) values (?, ?, 'clerk', now())",
        name, BcryptUtil.bcryptHash(first72 + "-the-real-end"));
    given().auth().preemptive().basic(name, first72 + "-another-end").get("/api/v1/reviews").then().statusCode(401);
  }

  private void awaitSignIn(String client, String username) {
    Instant until = Instant.now().plus(Duration.ofSeconds(40));
    while (basic(client, username, Staff.CLERK_PASSWORD).statusCode() != 200) {
      assertThat(Instant.now()).as("the lock-out ends by itself").isBefore(until);
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Response form(String client, String username, String password) {
    return given().header("X-Forwarded-For", client).redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
  }

  private static long lockOutEntries() {
    return (Long) Db.rows("select count(*) as n from audit_entry where event = 'STAFF_LOGIN_LOCKED'").get(0).get("n");
  }
}

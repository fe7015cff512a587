package at.leoben.assistant.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.testsupport.StaffSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The staff UI's session, its caching and where its redirects and state changes may come from. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class StaffSessionTest {

  @Test
  void loggingOutEndsTheSessionSoItsOldCookiesOpenNothing() {
    Staff.ensure(Staff.CLERK, "clerk");
    StaffSession clerk = StaffSession.signIn(Staff.CLERK);
    clerk.get("/staff").then().statusCode(200);

    clerk.post("/staff/logout", Map.of()).then().statusCode(303).header("Location", equalTo("/staff/login"));

    // The same cookies, replayed (as a stolen copy would be), no longer open the UI.
    clerk.get("/staff").then().statusCode(302).header("Location", containsString("/staff/login"));
    clerk.get("/staff/item?id=00000000-0000-0000-0000-000000000000").then().statusCode(302);
    // Signing in again works.
    StaffSession.signIn(Staff.CLERK).get("/staff").then().statusCode(200);
  }

  @Test
  void staffPagesAndTheStaffApiAreNeverCached() {
    Staff.ensure(Staff.CLERK, "clerk");
    given().get("/staff/login").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    StaffSession.signIn(Staff.CLERK).get("/staff").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    Staff.asClerk().get("/api/v1/reviews").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
  }

  @Test
  void theHostHeaderIsNotEchoedIntoRedirects() {
    Staff.ensure(Staff.CLERK, "clerk");
    given().header("Host", "evil.example").redirects().follow(false).get("/staff")
        .then().statusCode(302).header("Location", not(containsString("evil.example")))
        .header("Location", startsWith("/staff/login"));
    given().header("Host", "evil.example").redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("j_username", Staff.CLERK).formParam("j_password", Staff.CLERK_PASSWORD)
        .post("/j_security_check").then().statusCode(302)
        .header("Location", not(containsString("evil.example")));
    given().header("Host", "evil.example").redirects().follow(false).contentType(ContentType.URLENC)
        .formParam("j_username", Staff.CLERK).formParam("j_password", "wrong-password-123")
        .post("/j_security_check").then().statusCode(302)
        .header("Location", not(containsString("evil.example")));
  }

  @Test
  void stateChangingStaffRequestsFromAForeignSiteAreRefused() {
    long reports = Db.count("bias_report");
    // A foreign page's form or fetch: text/plain needs no CORS preflight, the browser adds cached Basic credentials.
    Staff.asAdmin().contentType(ContentType.TEXT).header("Origin", "https://evil.example").body("x")
        .post("/api/v1/admin/bias-probe")
        .then().statusCode(403).contentType("application/problem+json")
        .body("detail", containsString("fremden Website"));
    Staff.asAdmin().header("Sec-Fetch-Site", "cross-site").post("/api/v1/admin/bias-probe").then().statusCode(403);
    assertThat(Db.count("bias_report")).isEqualTo(reports);

    String name = "cross-site-" + System.nanoTime();
    Staff.ensure(name, "clerk");
    Staff.asAdmin().header("Origin", "https://evil.example").delete("/api/v1/admin/staff/" + name).then().statusCode(403);
    assertThat(Db.rows("select 1 from staff_account where username = ?", name)).hasSize(1);

    // The service's own pages and API clients without an Origin (curl, scripts) still may.
    int port = io.restassured.RestAssured.port;
    Staff.asAdmin().header("Origin", "http://localhost:" + port).header("Sec-Fetch-Site", "same-origin")
        .delete("/api/v1/admin/staff/" + name).then().statusCode(204);
    Staff.asAdmin().body(Map.of("username", name, "password", "ein-langes-passwort", "roles", List.of("clerk")))
        .post("/api/v1/admin/staff").then().statusCode(201);
  }
}

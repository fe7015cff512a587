package at.leoben.assistant.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.testsupport.StaffSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every staff endpoint refuses anonymous callers (401) and callers without the right role (403).
 * The endpoints are read from the service's own OpenAPI document, so a new one is covered too.
 */
@QuarkusTest
class StaffAccessTest {

  private static final Set<String> STAFF_PREFIXES = Set.of("/api/v1/reviews", "/api/v1/admin");
  /** Clerks review answers and answer the cases handed to their offices. */
  private static final Set<String> CLERK_ALLOWED = Set.of("/api/v1/reviews", "/api/v1/admin/cases");
  /** Operators on call may put up and end the notice (issue 22). */
  private static final Set<String> OPERATOR_ALLOWED = Set.of("/api/v1/admin/notice");
  /** Operations only an admin may call even under a clerk's path. */
  private static final Set<String> ADMIN_ONLY = Set.of("DELETE /api/v1/reviews/approved-answers/{id}");

  record Operation(String method, String path) {
    String concrete() {
      return path.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
    }

    boolean clerkMay() {
      return CLERK_ALLOWED.stream().anyMatch(path::startsWith) && !ADMIN_ONLY.contains(method + " " + path);
    }
  }

  private static List<Operation> staffOperations() throws Exception {
    JsonNode openapi =
        new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (STAFF_PREFIXES.stream().noneMatch(path.getKey()::startsWith)) {
        continue;
      }
      path.getValue().fieldNames().forEachRemaining(method -> operations.add(new Operation(method.toUpperCase(), path.getKey())));
    }
    return operations;
  }

  private static int status(RequestSpecification caller, Operation operation) {
    return caller.contentType(ContentType.JSON).body("{}").request(operation.method(), operation.concrete()).statusCode();
  }

  @Test
  void everyStaffEndpointRefusesAnonymousAndWrongRoleCallers() throws Exception {
    List<Operation> operations = staffOperations();
    // The review queue, the knowledge admin, the bias probe and the staff accounts at least.
    assertThat(operations).extracting(Operation::path)
        .anyMatch(p -> p.startsWith("/api/v1/reviews"))
        .anyMatch(p -> p.startsWith("/api/v1/admin/knowledge"))
        .anyMatch(p -> p.startsWith("/api/v1/admin/bias-probe"))
        .anyMatch(p -> p.startsWith("/api/v1/admin/staff"))
        .anyMatch(p -> p.startsWith("/api/v1/admin/cases"));
    for (Operation operation : operations) {
      assertThat(status(given(), operation)).as("anonymous " + operation).isEqualTo(401);
      int operator = status(Staff.asOperator(), operation);
      if (OPERATOR_ALLOWED.contains(operation.path())) {
        assertThat(operator).as("operator " + operation).isNotIn(401, 403);
      } else {
        assertThat(operator).as("operator " + operation).isEqualTo(403);
      }
      int clerk = status(Staff.asClerk(), operation);
      if (operation.clerkMay()) {
        assertThat(clerk).as("clerk " + operation).isNotIn(401, 403);
      } else {
        assertThat(clerk).as("clerk " + operation).isEqualTo(403);
      }
      int admin = status(Staff.asAdmin(), operation);
      assertThat(admin).as("admin " + operation).isNotIn(401, 403);
    }
  }

  @Test
  void refusalsAreProblemDetailsAndTheApiAsksForBasicCredentials() {
    given().get("/api/v1/reviews").then().statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Basic"))
        .body("title", equalTo("Anmeldung erforderlich"));
    Staff.asOperator().get("/api/v1/reviews").then().statusCode(403)
        .contentType("application/problem+json").body("title", equalTo("Keine Berechtigung"));
    given().auth().preemptive().basic(Staff.CLERK, "wrong-password-123").get("/api/v1/reviews").then().statusCode(401);
  }

  @Test
  void theStaffUiSendsAnonymousBrowsersToItsLoginPageAndRefusesOperators() {
    given().redirects().follow(false).get("/staff").then().statusCode(302)
        .header("Location", org.hamcrest.Matchers.endsWith("/staff/login"));
    given().redirects().follow(false).get("/staff/item?id=00000000-0000-0000-0000-000000000000").then().statusCode(302);
    given().get("/staff/login").then().statusCode(200).contentType(ContentType.HTML);
    // Basic credentials do not open the UI: it signs in through its form only.
    Staff.asAdmin().redirects().follow(false).get("/staff").then().statusCode(302);

    Staff.ensure(Staff.OPERATOR, "operator");
    Staff.ensure(Staff.CLERK, "clerk");
    StaffSession.signIn(Staff.OPERATOR).get("/staff").then().statusCode(403);
    StaffSession.signIn(Staff.OPERATOR).get("/staff/item?id=00000000-0000-0000-0000-000000000000").then().statusCode(403);
    StaffSession.signIn(Staff.CLERK).get("/staff").then().statusCode(200).contentType(ContentType.HTML);
  }

  @Test
  void adminsCreateLocalAccountsThatCanSignIn() {
    String username = "clerk-" + System.nanoTime();
    Staff.asAdmin().contentType(ContentType.JSON)
        .body(Map.of("username", username, "password", "ein-langes-passwort", "roles", List.of("clerk")))
        .post("/api/v1/admin/staff").then().statusCode(201)
        .body("username", equalTo(username)).body("roles", equalTo(List.of("clerk")));
    given().auth().preemptive().basic(username, "ein-langes-passwort").get("/api/v1/reviews").then().statusCode(200);
    String hash = (String) Db.rows("select password_hash from staff_account where username = ?", username).get(0).get("password_hash");
    assertThat(hash).startsWith("$2").doesNotContain("ein-langes-passwort");

    long before = Db.count("staff_account");
    for (Map<String, Object> bad : List.<Map<String, Object>>of(
        Map.of("username", username, "password", "ein-langes-passwort", "roles", List.of("clerk")),
        Map.of("username", "x", "password", "ein-langes-passwort", "roles", List.of("clerk")),
        Map.of("username", "kurz-" + System.nanoTime(), "password", "kurz", "roles", List.of("clerk")),
        Map.of("username", "rolle-" + System.nanoTime(), "password", "ein-langes-passwort", "roles", List.of("mayor")),
        Map.of("username", "ohne-" + System.nanoTime(), "password", "ein-langes-passwort", "roles", List.of()))) {
      Staff.asAdmin().contentType(ContentType.JSON).body(bad).post("/api/v1/admin/staff")
          .then().statusCode(org.hamcrest.Matchers.oneOf(400, 409)).contentType("application/problem+json");
    }
    assertThat(Db.count("staff_account")).isEqualTo(before);

    Staff.asAdmin().delete("/api/v1/admin/staff/" + username).then().statusCode(204);
    given().auth().preemptive().basic(username, "ein-langes-passwort").get("/api/v1/reviews").then().statusCode(401);
    Staff.asAdmin().delete("/api/v1/admin/staff/" + Staff.ADMIN).then().statusCode(409);
  }
}

package at.leoben.assistant.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without the identity provider (the default) staff sign in exactly as before: local accounts only. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class OidcDisabledTest {

  @Test
  void theApiTakesLocalAccountsAndIgnoresBearerTokens() {
    // No WWW-Authenticate here: with form login enabled Quarkus makes Basic "silent" (no challenge).
    given().redirects().follow(false).get("/api/v1/admin/knowledge")
        .then().statusCode(401).header("Location", nullValue());
    given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").get("/api/v1/admin/knowledge")
        .then().statusCode(401);
    Staff.asAdmin().get("/api/v1/admin/knowledge").then().statusCode(200);
  }

  @Test
  void theUiSendsAnonymousBrowsersToItsLoginForm() {
    given().redirects().follow(false).get("/staff")
        .then().statusCode(302).header("Location", endsWith("/staff/login"));
  }
}

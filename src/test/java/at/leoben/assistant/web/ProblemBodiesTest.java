package at.leoben.assistant.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.RawHttp;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error a client can cause is application/problem+json with a German (or English) detail. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class ProblemBodiesTest {

  private static final String SOME_MESSAGE = "/api/v1/messages/00000000-0000-0000-0000-000000000000/feedback";

  @Test
  void wronglyTypedOrMissingFeedbackIsAProblem() {
    given().contentType(ContentType.JSON).body("{\"rating\": 1}").post(SOME_MESSAGE)
        .then().statusCode(400).contentType("application/problem+json")
        .body("detail", containsString("„rating“"));
    given().contentType(ContentType.JSON).body("").post(SOME_MESSAGE)
        .then().statusCode(400).contentType("application/problem+json")
        .body("detail", containsString("„up“ oder „down“"));
    given().contentType(ContentType.JSON).body("{\"rating\": \"up\", \"reasons\": \"wrong\"}").post(SOME_MESSAGE)
        .then().statusCode(400).contentType("application/problem+json")
        .body("detail", containsString("„reasons“"));
    given().contentType(ContentType.JSON).header("Accept-Language", "en").body("{\"rating\": true}").post(SOME_MESSAGE)
        .then().statusCode(400).contentType("application/problem+json")
        .body("detail", containsString("\"rating\""));
  }

  @Test
  void wrongBasicCredentialsAreAProblem() {
    given().auth().preemptive().basic(Staff.ADMIN, "not-the-password").get("/api/v1/admin/staff")
        .then().statusCode(401).contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Basic"))
        .body("title", equalTo("Anmeldung erforderlich"));
    given().header("Authorization", "Basic !!!").get("/api/v1/reviews")
        .then().statusCode(401).contentType("application/problem+json");
  }

  @Test
  void aBodyOverTheLimitIsAProblem() {
    RawHttp.Reply reply = RawHttp.send("POST", "/api/v1/chat", Map.of("Content-Type", "application/json"),
        "{\"message\": \"" + "a".repeat(70_000) + "\"}");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.body()).contains("zu groß");
  }

  @Test
  void anAddressOrHeadersOverTheLimitAreProblems() {
    RawHttp.Reply longUri = RawHttp.send("GET", "/api/v1/channels?x=" + "a".repeat(10_000), Map.of(), null);
    assertThat(longUri.status()).isEqualTo(414);
    assertThat(longUri.header("Content-Type")).startsWith("application/problem+json");
    assertThat(longUri.body()).contains("Adresse");

    RawHttp.Reply bigHeaders = RawHttp.send("GET", "/api/v1/channels", Map.of("X-Big", "b".repeat(30_000)), null);
    assertThat(bigHeaders.status()).isEqualTo(431);
    assertThat(bigHeaders.header("Content-Type")).startsWith("application/problem+json");
    assertThat(bigHeaders.body()).contains("Kopfzeilen");
  }
}

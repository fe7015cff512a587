package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Embedding on the city's website: only configured origins may call the citizen API across
 * origins (the test profile allows https://www.leoben.at), never the staff API; the service's own
 * pages carry a CSP without inline scripts (the browser tests prove the pages work under it).
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class EmbeddingTest {

  private static final String CITY = "https://www.leoben.at";

  @Test
  void theCitysOriginMayCallTheCitizenApi() {
    given().header("Origin", CITY).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type,x-conversation-token")
        .options("/api/v1/chat/stream").then().statusCode(204)
        .header("Access-Control-Allow-Origin", CITY)
        .header("Access-Control-Allow-Headers", containsString("X-Conversation-Token"));
    given().header("Origin", CITY).contentType(ContentType.JSON)
        .body(Map.of("message", "Ich möchte mit einem Menschen sprechen")).post("/api/v1/chat")
        .then().statusCode(200)
        .header("Access-Control-Allow-Origin", CITY)
        .header("Access-Control-Expose-Headers", "AI-Disclosure");
  }

  @Test
  void otherOriginsAndTheStaffApiGetNoCorsHeaders() {
    given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
        .options("/api/v1/chat").then().header("Access-Control-Allow-Origin", nullValue());
    given().header("Origin", "https://evil.example").get("/api/v1/channels")
        .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    Staff.asAdmin().header("Origin", CITY).get("/api/v1/reviews")
        .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void theServicesPagesForbidInlineScripts() {
    for (String page : new String[] {"/", "/transparenz", "/staff/login"}) {
      given().get(page).then().statusCode(200)
          .header("Content-Security-Policy", containsString("script-src 'self'"))
          .header("Content-Security-Policy", containsString("default-src 'self'"))
          .header("X-Content-Type-Options", equalTo("nosniff"));
    }
    given().get("/widget/assistant.js").then().statusCode(200).contentType(containsString("javascript"));
  }
}

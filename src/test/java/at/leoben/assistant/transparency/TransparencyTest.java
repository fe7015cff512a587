package at.leoben.assistant.transparency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The transparency register shows the running configuration, in German and English, to anyone. */
@QuarkusTest
class TransparencyTest {

  @Test
  void theRegisterNamesModelResponsiblePersonChecksAndRetention() {
    given().get("/api/v1/transparency").then().statusCode(200)
        .body("language", equalTo("de"))
        .body("models[0].name", equalTo("llama3.1:8b"))
        .body("responsible.name", equalTo("Mag. Erika Muster"))
        .body("responsible.role", equalTo("Leiterin Bürgerservice"))
        .body("data.conversationRetentionDays", equalTo(90))
        .body("data.auditRetentionDays", equalTo(365))
        .body("data.practices[2]", containsString("nach 90 Tagen gelöscht"))
        .body("oversight[3]", containsString("0 %"))
        .body("feedback[1]", containsString("buergerservice@leoben.at"))
        .body("analogueChannels", hasSize(3));
    given().queryParam("language", "en").get("/api/v1/transparency").then().statusCode(200)
        .body("purpose", containsString("City of Leoben"));
    given().queryParam("language", "fr").get("/api/v1/transparency").then().statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void thePageIsGermanByDefaultAndEnglishOnRequest() {
    given().get("/transparenz").then().statusCode(200).contentType("text/html")
        .body(containsString("<html lang=\"de\">"))
        .body(containsString("Transparenz: KI im Bürgerservice"))
        .body(containsString("Mag. Erika Muster, Leiterin Bürgerservice"))
        .body(containsString("href=\"tel:"))
        .body(not(containsString("{")));
    given().header("Accept-Language", "en").get("/transparenz").then().statusCode(200)
        .body(containsString("<html lang=\"en\">")).body(containsString("How answers are checked"));
    given().queryParam("lang", "de").header("Accept-Language", "en").get("/transparenz").then()
        .body(containsString("<html lang=\"de\">"));
  }
}

package at.leoben.assistant.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;

/** A citizen's questions through the public API, expecting a 200 JSON reply. */
public final class Citizen {

  private Citizen() {}

  public static ExtractableResponse<Response> ask(String message) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("message", message))
        .post("/api/v1/chat")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .extract();
  }

  /** The next question in the conversation {@code first} began. */
  public static ExtractableResponse<Response> followUp(ExtractableResponse<Response> first, String message) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Conversation-Token", first.<String>path("conversationToken"))
        .body(Map.of("message", message, "conversationId", first.path("conversationId")))
        .post("/api/v1/chat")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .extract();
  }
}

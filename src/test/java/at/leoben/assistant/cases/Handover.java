package at.leoben.assistant.cases;

import static io.restassured.RestAssured.given;

import at.leoben.assistant.testsupport.Citizen;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;

/** A citizen's conversation and its hand-over through the public API, for the case tests. */
record Handover(String conversationId, String token, String caseId) {

  /** Asks {@code question}, then hands the conversation over with {@code body}, expecting 201. */
  static Handover of(String question, Map<String, Object> body) {
    ExtractableResponse<Response> reply = Citizen.ask(question);
    String id = reply.path("conversationId");
    String token = reply.path("conversationToken");
    String caseId = post(id, token, body).then().statusCode(201).extract().path("caseId");
    return new Handover(id, token, caseId);
  }

  static Response post(String conversationId, String token, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .header("X-Conversation-Token", token)
        .body(body)
        .post("/api/v1/conversations/" + conversationId + "/handover");
  }

  Response read() {
    return given().header("X-Conversation-Token", token).get("/api/v1/cases/" + caseId);
  }
}

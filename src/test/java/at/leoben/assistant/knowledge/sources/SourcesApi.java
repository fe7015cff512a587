package at.leoben.assistant.knowledge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Staff;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The knowledge-source API as an admin uses it in the tests: register, crawl and wait, remove. */
final class SourcesApi {

  static final String SOURCES = "/api/v1/admin/knowledge/sources";
  static final String CHANGES = "/api/v1/admin/knowledge/changes";

  private SourcesApi() {}

  static Map<String, Object> source(String type, String url, String approval, String schedule) {
    Map<String, Object> body = new HashMap<>();
    body.put("type", type);
    body.put("url", url);
    if (approval != null) {
      body.put("approval", approval);
    }
    if (schedule != null) {
      body.put("schedule", schedule);
    }
    return body;
  }

  /** Registers a source and returns its id (201 expected). */
  static String register(String type, String url, String approval) {
    return Staff.asAdmin()
        .body(source(type, url, approval, null))
        .post(SOURCES)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Fetches the source now and waits for the crawl to end; returns the source with its report. */
  static JsonPath crawl(String id) {
    Staff.asAdmin().post(SOURCES + "/" + id + "/crawl").then().statusCode(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      JsonPath source = Staff.asAdmin().get(SOURCES + "/" + id).then().statusCode(200).extract().jsonPath();
      if (!source.getBoolean("crawling")) {
        assertThat(source.getString("lastReport.finishedAt")).isNotNull();
        return source;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the crawl of " + id + " did not end within 90 s");
  }

  /** Removes every source (and so its pages' documents), also those an earlier, broken run left. */
  static void removeAll() {
    List<String> ids = Staff.asAdmin().get(SOURCES).then().statusCode(200).extract().jsonPath().getList("id");
    for (String id : ids) {
      Staff.asAdmin().delete(SOURCES + "/" + id).then().statusCode(204);
    }
  }

  static List<Map<String, Object>> changes(String sourceId, String status) {
    return Staff.asAdmin()
        .queryParam("source", sourceId)
        .queryParam("status", status)
        .get(CHANGES)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  /** The problems of a crawl report by URL path end, e.g. "/langsam.html" -> "TIMEOUT". */
  static Map<String, String> problems(JsonPath source) {
    Map<String, String> problems = new HashMap<>();
    List<Map<String, Object>> list = source.getList("lastReport.problems");
    for (Map<String, Object> problem : list) {
      String url = String.valueOf(problem.get("url"));
      problems.put(url.substring(url.indexOf('/', "http://".length())), String.valueOf(problem.get("problem")));
    }
    return problems;
  }
}

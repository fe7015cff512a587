package at.leoben.assistant.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A failover (here: PostgreSQL terminating every connection of the service's pool, as
 * pg_terminate_backend does) costs no citizen a 5xx and does not flap readiness: pooled
 * connections are checked before they are handed out.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class DatabaseFailoverTest {

  @Test
  void terminatedPoolConnectionsCostNoCitizenAnErrorAndReadinessStaysUp() {
    // Fill the pool: several requests, some at once.
    List<Thread> warm = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread thread = new Thread(() -> chat().then().statusCode(200));
      warm.add(thread);
      thread.start();
    }
    warm.forEach(DatabaseFailoverTest::join);
    Staff.asAdmin().get("/api/v1/admin/staff").then().statusCode(200);

    int terminated = terminateTheServicesConnections();
    assertThat(terminated).as("connections of the service's pool terminated").isPositive();

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(chat().statusCode());
      statuses.add(given().contentType(ContentType.JSON).body(Map.of("message", Questions.unique("Wo ist das Fundamt?")))
          .post("/api/v1/chat/stream").statusCode());
      statuses.add(given().get("/q/health/ready").statusCode());
      statuses.add(Staff.asAdmin().get("/api/v1/admin/staff").statusCode());
    }
    assertThat(statuses).allMatch(status -> status == 200);
  }

  private static io.restassured.response.Response chat() {
    return given().contentType(ContentType.JSON).body(Map.of("message", Questions.unique("Wann hat das Fundamt geöffnet?")))
        .post("/api/v1/chat");
  }

  /** Every other connection to the test database: the service's pool (each worktree has its own database). */
  private static int terminateTheServicesConnections() {
    return Db.rows(
            "select pg_terminate_backend(pid) as done from pg_stat_activity"
                + " where datname = current_database() and pid <> pg_backend_pid()")
        .size();
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

package at.leoben.assistant.review;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The regular review: with a sample rate of 100 %, every AI answer (and only AI answers) is queued. */
@QuarkusTest
@TestProfile(ReviewSampleTest.EverythingSampled.class)
@QuarkusTestResource(OllamaStandInResource.class)
class ReviewSampleTest {

  public static class EverythingSampled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("assistant.review.sample-rate", "1");
    }
  }

  @Test
  void everyAiAnswerIsSampledForTheRegularReview() {
    String messageId = Citizen.ask(Reviews.uniqueQuestion()).path("messageId");
    assertThat(Db.rows("select reason from review_flag where message_id = ?", UUID.fromString(messageId)))
        .extracting(row -> row.get("reason"))
        .containsExactly("SAMPLE");
    String itemId = Reviews.itemOf(messageId);
    Staff.asClerk().get("/api/v1/reviews/" + itemId).then().statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("OPEN"));
  }

  @Test
  void aHandOverIsNotAnAiAnswerAndIsNotSampled() {
    String messageId = Citizen.ask("Ich möchte bitte mit einem Menschen sprechen.").path("messageId");
    assertThat(Db.rows("select 1 from review_flag where message_id = ? and reason = 'SAMPLE'", UUID.fromString(messageId)))
        .isEmpty();
  }
}

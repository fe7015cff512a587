package at.leoben.assistant.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Out-of-range staff input is a 400 problem detail naming what is wrong, never a 500. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class OutOfRangeInputTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /api/v1/reviews?minAge=P99999999999D|Mindestalter
          /api/v1/reviews?minAge=PT-1H|Mindestalter
          /api/v1/reviews?page=2147483647|Ungültige Seite
          /api/v1/reviews?page=-1|Ungültige Seite
          /api/v1/reviews?size=0|Ungültige Seite
          /api/v1/reviews?size=201|Ungültige Seite
          /api/v1/reviews?page=zwei|Ungültige Seite
          /api/v1/reviews?status=DONE|Unbekannter Status
          /api/v1/reviews/approved-answers?withdrawn=maybe|„withdrawn“
          """)
  void isAProblemNotAnError(String target, String detail) {
    Staff.asAdmin().urlEncodingEnabled(false).get(target)
        .then().statusCode(400).contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("detail", containsString(detail));
  }
}

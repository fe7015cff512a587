package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A greeting in one of the new languages gets the service's kind reply in that language, not in German. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class SmallTalkLanguagesTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tr | Merhaba | Merhaba! Ben Leoben Belediyesi'nin dijital asistanıyım",
        "uk | Привіт | Вітаю! Я цифровий асистент міста Леобен",
        "ar | مرحبا | مرحبًا! أنا المساعد الرقمي لمدينة ليوبن",
        "bs | Zdravo | Dobar dan! Ja sam digitalni asistent Grada Leobena",
        "hu | Szia | Jó napot kívánok! Leoben város digitális asszisztense vagyok",
        "ro | Bună ziua | Bună ziua! Sunt asistentul digital al orașului Leoben",
        "ro | Salut | Bună ziua! Sunt asistentul digital al orașului Leoben",
        "ro | Mulțumesc | Bună ziua! Sunt asistentul digital al orașului Leoben",
        "hr | Dobar dan | Dobar dan! Ja sam digitalni asistent Grada Leobena",
        "sr | Hvala | Dobar dan! Ja sam digitalni asistent Grada Leobena",
        "hu | Jó napot | Jó napot kívánok! Leoben város digitális asszisztense vagyok",
        "hu | Köszönöm | Jó napot kívánok! Leoben város digitális asszisztense vagyok",
        "uk | Добрий день | Вітаю! Я цифровий асистент міста Леобен",
        "uk | Дякую | Вітаю! Я цифровий асистент міста Леобен",
        "tr | Iyi günler | Merhaba! Ben Leoben Belediyesi'nin dijital asistanıyım",
        "tr | Teşekkürler | Merhaba! Ben Leoben Belediyesi'nin dijital asistanıyım",
        "ar | السلام عليكم | مرحبًا! أنا المساعد الرقمي لمدينة ليوبن",
        "ar | شكرا | مرحبًا! أنا المساعد الرقمي لمدينة ليوبن"
      })
  void aGreetingIsAnsweredKindlyInTheCitizensLanguage(String language, String greeting, String reply) {
    ExtractableResponse<Response> answer =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("message", greeting, "language", language))
            .post("/api/v1/chat")
            .then()
            .statusCode(200)
            .extract();

    assertThat(answer.<String>path("language")).isEqualTo(language);
    assertThat(answer.<String>path("answer")).startsWith(reply);
    assertThat(ollama.chatRequestCount()).isZero();
  }
}

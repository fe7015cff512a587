package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The languages of Leoben: a question in one of them is answered in it (the stand-in model is asked
 * for that language), and everything the city says itself (fallback, hand-over, crisis reply,
 * channels, opening hours) comes from that language's bundle.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class LanguagesTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @BeforeEach
  void reset() {
    ollama.reset();
  }

  private static ExtractableResponse<Response> ask(String message, String language) {
    Map<String, Object> body = new HashMap<>();
    body.put("message", message);
    if (language != null) {
      body.put("language", language);
    }
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/chat").then().statusCode(200).extract();
  }

  private String systemPromptSent() {
    return ollama.chatRequests().get(ollama.chatRequests().size() - 1).path("messages").get(0).path("content").asText();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tr | | Leoben'de köpeğimi nereye kaydettirebilirim? | Türkisch",
        "ro | | Unde îmi pot înregistra câinele în Leoben? | Rumänisch",
        "hu | | Hol tudom bejelenteni a kutyámat Leobenben? | Ungarisch",
        "uk | | Де я можу зареєструвати свого собаку в Леобені? | Ukrainisch",
        "ar | | أين يمكنني تسجيل كلبي في ليوبن؟ | Arabisch",
        "hr | hr | Gdje mogu prijaviti svog psa u Leobenu? | Kroatisch",
        "bs | bs | Gdje mogu prijaviti svog psa u Leobenu? | Bosnisch",
        "sr | sr | Gde mogu da prijavim svog psa u Leobenu? | Serbisch",
      })
  void aQuestionIsAnsweredInItsLanguageFromTheGermanSources(String code, String hint, String question, String name) {
    ollama.behave(Behaviour.answer("Cevap [1]"));

    ExtractableResponse<Response> reply = ask(question, hint);

    assertThat(reply.<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(reply.<String>path("language")).isEqualTo(code);
    assertThat(systemPromptSent()).contains("schreibt auf " + name + ": Antworten Sie ausschließlich auf " + name);
    // Sources stay German, their titles as they are.
    assertThat(reply.<List<String>>path("sources.title")).contains("Hunde melden: Anmeldung, Hundeabgabe und Chip");
    assertThat(reply.<String>path("disclosure.label")).isEqualTo("KI-generiert");
    assertThat(reply.<String>path("disclosure.text")).contains("Mag. Erika Muster");
  }

  @Test
  void germanAndEnglishKeepTheirPrompt() {
    ask("Wo melde ich meinen Hund an?", null);
    assertThat(systemPromptSent()).doesNotContain("Antworten Sie ausschließlich auf");
    ExtractableResponse<Response> reply = ask("Where do I register my dog?", null);
    assertThat(reply.<String>path("language")).isEqualTo("en");
    assertThat(systemPromptSent()).contains("Antworten Sie auf Englisch");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tr | Leoben'de köpeğimi nereye kaydettirebilirim? | Dijital asistan şu anda kullanılamıyor | Acil durumda | Pazartesi | Vatandaş Hizmetleri telefonu",
        "ar | أين يمكنني تسجيل كلبي في ليوبن؟ | المساعد الرقمي غير متاح حاليًا | في حالات الطوارئ | الاثنين | هاتف خدمة المواطنين",
        "uk | Де я можу зареєструвати свого собаку в Леобені? | Цифровий асистент зараз недоступний | У надзвичайній ситуації | понеділок | Телефон служби обслуговування громадян",
      })
  void withTheModelDownTheFallbackAndChannelsComeInTheLanguageWithTheEmergencyNumbers(
      String code, String question, String intro, String emergency, String monday, String phoneLabel) {
    ollama.behave(Behaviour.error(500, "llama runner process has terminated"));

    ExtractableResponse<Response> reply = ask(question, null);

    assertThat(reply.<String>path("language")).isEqualTo(code);
    assertThat(reply.<String>path("kind")).isEqualTo("KNOWLEDGE_EXCERPT");
    assertThat(reply.<String>path("answer")).startsWith(intro).contains(emergency).contains("144").contains("133").contains("142");
    assertThat(reply.<List<String>>path("analogueChannels.label")).contains(phoneLabel);
    assertThat(reply.<List<String>>path("analogueChannels.openingHours.flatten().label")).contains(monday);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tr | Bir insanla konuşmak istiyorum lütfen | Sizi memnuniyetle bir insanla görüştürelim",
        "ro | Aș vrea să vorbesc cu o persoană, vă rog | Vă punem cu plăcere în legătură cu o persoană",
        "hu | Szeretnék beszélni egy munkatárssal a városházán | Szívesen kapcsoljuk egy munkatársunkhoz",
        "uk | Я хочу поговорити з людиною, будь ласка | Ми охоче з’єднаємо вас із людиною",
        "ar | أريد التحدث مع شخص من فضلك | يسعدنا أن نوصلكم بشخص",
        "hr | Želim razgovarati s osobom iz gradske uprave | Rado ćemo Vas povezati s osobom",
      })
  void aRequestForAPersonIsHandedOverInTheLanguage(String code, String message, String text) {
    ExtractableResponse<Response> reply = ask(message, null);

    assertThat(reply.<String>path("kind")).isEqualTo("FALLBACK");
    assertThat(reply.<String>path("reason")).isEqualTo("HUMAN_REQUESTED");
    assertThat(reply.<String>path("language")).isEqualTo(code);
    assertThat(reply.<String>path("answer")).startsWith(text);
    assertThat(ollama.chatRequestCount()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tr | Artık yaşamak istemiyorum, intihar etmeyi düşünüyorum | Tehlikedeyseniz",
        "ro | Nu mai vreau să trăiesc, mă gândesc să mă sinucid | Dacă sunteți în pericol",
        "hu | Nem akarok élni többé, öngyilkos akarok lenni | Ha veszélyben van",
        "uk | Я не хочу жити, думаю про самогубство | Якщо ви в небезпеці",
        "ar | لا أريد أن أعيش بعد الآن وأفكر في الانتحار | إذا كنتم في خطر",
        "hr | Ne želim više živjeti, razmišljam o samoubojstvu | Ako ste u opasnosti",
        "sr | Ne želim više da živim, razmišljam o samoubistvu | Ako ste u opasnosti",
        "bs | Muž me tuče svaki dan i bojim se ići kući | Ako ste u opasnosti",
      })
  void aCrisisInTheLanguageIsRecognisedAndAnsweredWithTheNumbersFirst(String code, String message, String start) {
    // Bosnian, Croatian and Serbian are told apart by the widget's choice (the hint).
    ExtractableResponse<Response> reply = ask(message, List.of("bs", "hr", "sr").contains(code) ? code : null);

    assertThat(reply.<String>path("reason")).isEqualTo("SENSITIVE_AREA");
    assertThat(reply.<String>path("area")).isEqualTo("crisis");
    assertThat(reply.<String>path("language")).isEqualTo(code);
    assertThat(reply.<String>path("answer")).startsWith(start).contains("142").contains("144");
    assertThat(ollama.chatRequestCount()).isZero();
  }

  @Test
  void theCommonestGreetingOfBosnianCroatianAndSerbianIsNoJailbreak() {
    // "dan" is "day": the guard used to read "Dobar dan" as the "DAN" jailbreak persona.
    ExtractableResponse<Response> reply = ask("Dobar dan, gdje mogu prijaviti svog psa u Leobenu?", "hr");

    assertThat(reply.<String>path("kind")).isEqualTo("AI_GENERATED");
    assertThat(reply.<String>path("language")).isEqualTo("hr");
  }

  @Test
  void theTransparencyRegisterListsTheLanguagesAndHowAnswersInThemAreMade() {
    var register = given().get("/api/v1/transparency").then().statusCode(200).extract();

    assertThat(register.<List<String>>path("languages.list.code"))
        .containsExactly("de", "en", "bs", "hr", "sr", "tr", "ro", "hu", "uk", "ar");
    assertThat(register.<List<String>>path("languages.list.name")).contains("Türkçe", "العربية", "Українська");
    assertThat(register.<String>path("languages.how")).contains("deutschsprachigen Informationen der Stadt");
    // German and English are the city's own texts; the others are drafts not yet checked.
    assertThat(register.<List<Boolean>>path("languages.list.findAll { it.code == 'de' || it.code == 'en' }.checked"))
        .containsOnly(true);
    assertThat(register.<List<Boolean>>path("languages.list.findAll { it.code == 'tr' }.checked")).containsOnly(false);
    assertThat(given().get("/transparenz").then().statusCode(200).extract().asString())
        .contains("<span lang=\"tr\">Türkçe</span>")
        .contains("noch nicht von einer Muttersprachlerin");
  }

  @Test
  void anUnsupportedLanguageIsRefusedAndNamesTheSupportedOnes() {
    String detail =
        given().contentType(ContentType.JSON).body(Map.of("message", "Bonjour", "language", "fr"))
            .post("/api/v1/chat").then().statusCode(400)
            .extract().path("detail");
    assertThat(detail).contains("tr, ro, hu, uk und ar");
  }
}

package at.leoben.assistant.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's screenshots of the main states, taken from the running service in headless
 * Chromium. Runs only when asked, so that CI never rewrites them:
 * {@code mvn test -Dtest=ScreenshotsTest -Dscreenshots.dir=docs/screenshots}.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class ScreenshotsTest extends BrowserTest {

  private static final String FOUND =
      "Fundsachen geben Sie beim Fundamt der Stadtgemeinde Leoben im Rathaus ab, Erzherzog-Johann-Straße 2 [1]."
          + " Sagen Sie dort, wo und wann Sie die Sache gefunden haben [1]."
          + " Wenn Sie Finderlohn möchten, hinterlassen Sie Ihre Kontaktdaten [1].";
  private static final String FOUND_PLAIN =
      "Sie haben etwas gefunden? Bringen Sie es zum Fundamt [1].\n"
          + "Das Fundamt ist im Rathaus Leoben [1].\n"
          + "Sagen Sie dort: Wo haben Sie die Sache gefunden? Und wann? [1]\n"
          + "Finderlohn heißt: Sie bekommen Geld für den Fund. Das machen Sie mit der Besitzerin oder dem Besitzer aus [1].";
  private static final String FOUND_EN =
      "Please hand in found items at the lost property office (Fundamt) in Leoben City Hall,"
          + " Erzherzog-Johann-Straße 2 [1]. Tell them where and when you found the item [1].";

  private Path folder;

  @BeforeEach
  void screenshotFolderAndATallWindow() throws IOException {
    folder = Path.of(System.getProperty("screenshots.dir"));
    Files.createDirectories(folder);
    // Tall enough for the whole widget: element screenshots end at the viewport's edge.
    browser.manage().window().setSize(new Dimension(1000, 1600));
  }

  private void until(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
  }

  private void save(String name, TakesScreenshot what) throws IOException {
    Files.write(folder.resolve(name + ".png"), what.getScreenshotAs(OutputType.BYTES));
  }

  private WebElement widget() {
    return browser.findElement(By.tagName("leoben-assistant"));
  }

  private WebElement askAndWait(String question, String answer) {
    ollama.behave(Behaviour.answer(answer));
    int before = browser.findElements(By.cssSelector("li[data-ai-generated='true'] .la-feedback")).size();
    waitFor("#la-input").sendKeys(question);
    browser.findElement(By.id("la-send")).click();
    until(d -> d.findElements(By.cssSelector("li[data-ai-generated='true'] .la-feedback")).size() > before);
    var answers = browser.findElements(By.cssSelector("li[data-ai-generated='true']"));
    return answers.get(answers.size() - 1);
  }

  private void scrollLogToEnd() {
    browser.executeScript("const log = document.getElementById('la-log'); log.scrollTop = log.scrollHeight;");
  }

  @Test
  void theCitizensWidget() throws IOException {
    browser.get(url("/"));
    waitFor("#la-intro");
    // The notice's line naming the responsible human arrives with the transparency register.
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("la-responsible")).isDisplayed());
    save("first-use", widget());

    WebElement answer = askAndWait("Wo kann ich eine Fundsache abgeben?", FOUND);
    assertThat(answer.findElement(By.className("la-badge")).getText()).startsWith("KI-generiert");
    scrollLogToEnd();
    save("ai-answer", widget());

    browser.findElement(By.id("la-human")).click();
    waitFor("#la-channels .la-channel-list");
    save("human-channels", widget());

    answer.findElement(By.className("la-down")).click();
    new Select(answer.findElement(By.tagName("select"))).selectByValue("outdated");
    answer.findElement(By.tagName("textarea")).sendKeys("Die Adresse stimmt nicht mehr.");
    browser.executeScript("document.getElementById('la-channels').hidden = true;");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", answer);
    save("feedback", widget());
  }

  @Test
  void englishPlainLanguageAndFloating() throws IOException {
    browser.get(url("/"));
    waitFor("#la-language").click();
    askAndWait("Where do I hand in something I found?", FOUND_EN);
    scrollLogToEnd();
    save("english", widget());

    browser.executeScript("sessionStorage.clear();");
    browser.get(url("/"));
    waitFor("#la-plain").click();
    askAndWait("Ich habe etwas gefunden. Was muss ich tun?", FOUND_PLAIN);
    scrollLogToEnd();
    save("plain-language", widget());

    browser.executeScript("sessionStorage.clear();");
    browser.manage().window().setSize(new Dimension(1000, 800));
    browser.get(url("/embed-test/page.html?position=bottom-right&color=%232e6b1f"));
    waitFor("#la-launcher").click();
    waitFor("#la-title");
    save("floating", browser);
  }

  @Test
  void theTransparencyPageAndTheStaffQueue() throws IOException {
    browser.manage().window().setSize(new Dimension(1000, 800));
    browser.get(url("/transparenz"));
    waitFor("h1");
    save("transparency", browser);

    // Something for the queue: two thumbs-down (one on a plain-language answer) and a knowledge gap.
    ollama.behave(Behaviour.answer(FOUND));
    rateDown(Map.of("message", "Wo kann ich eine Fundsache abgeben?"), "outdated", "Die Adresse stimmt nicht mehr.");
    ollama.behave(Behaviour.answer(FOUND_PLAIN));
    rateDown(Map.of("message", "Ich habe etwas gefunden. Was muss ich tun?", "plainLanguage", true), "unclear", null);
    given().contentType(ContentType.JSON).body(Map.of("message", "Erklären Sie mir bitte die Quantenchromodynamik von Gluonen"))
        .post("/api/v1/chat").then().statusCode(200);

    Staff.ensure(Staff.CLERK, "clerk");
    browser.get(url("/staff"));
    until(d -> d.getCurrentUrl().endsWith("/staff/login"));
    browser.findElement(By.id("j_username")).sendKeys(Staff.CLERK);
    browser.findElement(By.id("j_password")).sendKeys(Staff.CLERK_PASSWORD, Keys.ENTER);
    waitFor("table.queue");
    save("staff-queue", browser);
  }

  private static void rateDown(Map<String, Object> question, String reason, String comment) {
    String messageId = given().contentType(ContentType.JSON).body(question).post("/api/v1/chat")
        .then().statusCode(200).extract().path("messageId");
    Map<String, Object> rating = new HashMap<>(Map.of("rating", "down", "reasons", List.of(reason)));
    if (comment != null) {
      rating.put("comment", comment);
    }
    given().contentType(ContentType.JSON).body(rating).post("/api/v1/messages/" + messageId + "/feedback")
        .then().statusCode(201);
  }
}

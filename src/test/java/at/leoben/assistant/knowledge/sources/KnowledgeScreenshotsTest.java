package at.leoben.assistant.knowledge.sources;

import static io.restassured.RestAssured.given;

import at.leoben.assistant.testsupport.Browser;
import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.InjectOllamaStandIn;
import at.leoben.assistant.testsupport.Navigation;
import at.leoben.assistant.testsupport.OllamaStandIn;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.SampleCitySite;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's screenshots of the knowledge pages for editors: the gaps, the retrieval inspector,
 * the changes of a source and the sources. Runs only when asked, like the widget's screenshots:
 * {@code mvn test -Dtest=KnowledgeScreenshotsTest -Dscreenshots.dir=docs/screenshots}.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class KnowledgeScreenshotsTest {

  @InjectOllamaStandIn OllamaStandIn ollama;

  @TestHTTPResource("/")
  URL base;

  @Test
  void theKnowledgePagesForEditors() throws IOException {
    Path folder = Path.of(System.getProperty("screenshots.dir"));
    Files.createDirectories(folder);
    SourcesApi.removeAll();
    // Only this test's questions on the gap page: the conversations other tests left are removed.
    Db.execute("delete from conversation");
    ollama.reset();
    ollama.behave(Behaviour.grounded());
    // Gaps: questions without knowledge, a hand-over, a thumbs-down.
    for (String question :
        List.of(
            "Wann öffnet das Freibad Leoben im Sommer?",
            "Hat das Freibad bei Regen geöffnet?",
            "Was kostet eine Saisonkarte fürs Freibad? Ich bin unter 0664 1234567 erreichbar",
            "Gibt es einen Repair-Café-Termin im März?",
            "Wo ist das nächste Repair-Café?",
            "Ich möchte mit einem Menschen über das Repair-Café sprechen")) {
      String messageId = Citizen.ask(question).path("messageId");
      if ("AI_GENERATED".equals(Db.rows("select kind from message where id = ?::uuid", messageId).get(0).get("kind"))) {
        rateDown(messageId, "Das beantwortet meine Frage nicht");
      }
    }
    rateDown(Citizen.ask("Wann wird der Sperrmüll bei mir abgeholt?").path("messageId"), "Termin fehlt");

    try (SampleCitySite site = SampleCitySite.start()) {
      String id = SourcesApi.register("web", site.url("/sitemap.xml"), "editor");
      SourcesApi.crawl(id);
      for (var change : SourcesApi.changes(id, "pending")) {
        Staff.asAdmin().post(SourcesApi.CHANGES + "/" + change.get("id") + "/approve").then().statusCode(200);
      }
      site.changeFleaMarket();
      SourcesApi.crawl(id);

      ChromeDriver browser = Browser.start("de-AT,de");
      try {
        browser.manage().window().setSize(new Dimension(1200, 1400));
        String root = base.toString().replaceAll("/$", "");
        browser.get(root + "/staff");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff/login"));
        browser.findElement(By.id("j_username")).sendKeys(Staff.ADMIN);
        WebElement password = browser.findElement(By.id("j_password"));
        Navigation.replacingPage(browser, () -> password.sendKeys(Staff.ADMIN_PASSWORD, Keys.ENTER));

        browser.get(root + "/staff/gaps?weeks=1");
        Navigation.waitFor(browser, By.cssSelector("article.gap"));
        save(browser, folder, "knowledge-gaps");

        browser.get(root + "/staff/knowledge/inspect?q="
            + URLEncoder.encode("Was kostet der Eintritt am Eislaufplatz?", StandardCharsets.UTF_8));
        Navigation.waitFor(browser, By.cssSelector("table.inspection"));
        save(browser, folder, "retrieval-inspector");

        browser.get(root + "/staff/knowledge/changes");
        Navigation.waitFor(browser, By.cssSelector("article.change"));
        save(browser, folder, "knowledge-changes");

        browser.get(root + "/staff/knowledge/sources");
        Navigation.waitFor(browser, By.cssSelector("table.sources"));
        save(browser, folder, "knowledge-sources");
      } finally {
        browser.quit();
        SourcesApi.removeAll();
      }
    }
  }

  private static void rateDown(String messageId, String comment) {
    given().contentType(ContentType.JSON).body(Map.of("rating", "down", "comment", comment))
        .post("/api/v1/messages/" + messageId + "/feedback").then().statusCode(201);
  }

  private static void save(ChromeDriver browser, Path folder, String name) throws IOException {
    Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}

package at.leoben.assistant.knowledge.sources;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Axe;
import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Navigation;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.SampleCitySite;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor's (admin's) knowledge pages in headless Chromium: the knowledge gaps grouped by topic
 * with counts per week and redacted examples, on to the retrieval inspector, and the changes of a
 * source with their diff, applied with a click.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class KnowledgeStaffBrowserTest extends BrowserTest {

  private static SampleCitySite site;

  @BeforeAll
  static void startSite() {
    site = SampleCitySite.start();
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  @BeforeEach
  void noSources() {
    SourcesApi.removeAll();
    site.reset();
  }

  @AfterEach
  void removeSources() {
    SourcesApi.removeAll();
  }

  private void logInAsAdmin() {
    browser.get(url("/staff"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff/login"));
    browser.findElement(By.id("j_username")).sendKeys(Staff.ADMIN);
    WebElement password = browser.findElement(By.id("j_password"));
    Navigation.replacingPage(browser, () -> password.sendKeys(Staff.ADMIN_PASSWORD, Keys.ENTER));
    waitFor(By.cssSelector("nav.staff-nav"));
  }

  /** A word no document and no earlier test run has: the topic of this run's questions. */
  private static String topicWord() {
    StringBuilder word = new StringBuilder("Quorkel");
    for (int i = 0; i < 6; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  /** Asks; an answer the knowledge could give anyway is rated down, so it counts as a gap too. */
  private static ExtractableResponse<Response> askAsGap(String question) {
    ExtractableResponse<Response> reply = Citizen.ask(question);
    if ("AI_GENERATED".equals(reply.path("kind"))) {
      given().contentType(ContentType.JSON).body(Map.of("rating", "down"))
          .post("/api/v1/messages/" + reply.path("messageId") + "/feedback").then().statusCode(201);
    }
    return reply;
  }

  @Test
  void anEditorFindsTheGapsOfAWeekAndFollowsOneToTheInspector() {
    ollama.behave(Behaviour.grounded());
    String topic = topicWord();
    assertThat(askAsGap("Was ist " + topic + "?").<String>path("reason")).isEqualTo("NO_KNOWLEDGE");
    askAsGap("Gibt es heuer wieder " + topic + "? Schreiben Sie mir an anna.beispiel@example.com");
    assertThat(askAsGap("Ich möchte mit einem Menschen über " + topic + " sprechen").<String>path("reason"))
        .isEqualTo("HUMAN_REQUESTED");

    logInAsAdmin();
    Navigation.click(browser, browser.findElement(By.linkText("Wissenslücken")));
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Wissenslücken");
    WebElement gap =
        browser.findElements(By.cssSelector("article.gap")).stream()
            .filter(article -> article.findElement(By.className("topic")).getText().contains(topic))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no topic " + topic + " on the gap page"));
    assertThat(gap.findElement(By.className("count")).getText()).isEqualTo("3 Fragen");
    assertThat(gap.findElements(By.cssSelector(".tag")).stream().map(WebElement::getText).toList())
        .contains("an Menschen weitergegeben: 1");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Vienna"));
    String week = "%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    List<String> weeks = gap.findElements(By.cssSelector("table.weeks th")).stream().map(WebElement::getText).toList();
    List<String> counts = gap.findElements(By.cssSelector("table.weeks td")).stream().map(WebElement::getText).toList();
    assertThat(counts.get(weeks.indexOf(week))).isEqualTo("3");
    String examples = gap.findElement(By.className("examples")).getText();
    assertThat(examples).contains("Was ist " + topic).contains("[E-MAIL]").doesNotContain("anna.beispiel");
    assertThat(gap.findElement(By.partialLinkText("Geprüfte Antwort schreiben")).getAttribute("href")).contains("/staff/item?id=");
    assertThat(Axe.seriousViolations(browser)).isEmpty();

    // "Add or fix a document": the inspector shows why the question found nothing.
    Navigation.click(browser, gap.findElement(By.partialLinkText("Dokument ergänzen oder korrigieren")));
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Retrieval-Inspektor");
    assertThat(browser.findElement(By.id("q")).getAttribute("value")).contains(topic);
    assertThat(browser.findElement(By.id("threshold")).getText()).isEqualTo("1.1");
    assertThat(browser.findElement(By.id("search-words")).getText()).contains(topic.toLowerCase());
    assertThat(browser.findElements(By.id("no-knowledge"))).hasSize(1);
  }

  @Test
  void theInspectorRanksThePassagesWithScoresAndTheWordsThatMatched() {
    logInAsAdmin();
    Navigation.click(browser, browser.findElement(By.linkText("Retrieval-Inspektor")));
    WebElement question = waitFor(By.id("q"));
    question.sendKeys("Wie melde ich meinen Hund an?");
    Navigation.replacingPage(browser, () -> question.sendKeys(Keys.ENTER));

    List<WebElement> rows = waitFor(By.cssSelector("table.inspection tbody")).findElements(By.tagName("tr"));
    assertThat(rows).hasSizeGreaterThan(1);
    WebElement first = rows.get(0);
    assertThat(first.getAttribute("class")).isEqualTo("chosen");
    assertThat(first.getText()).contains("geht an das Modell").contains("Hunde");
    assertThat(first.findElements(By.cssSelector("td.matched mark")).stream().map(WebElement::getText).toList()).contains("hund");
    double top = Double.parseDouble(first.findElement(By.className("score")).getText());
    double last = Double.parseDouble(rows.get(rows.size() - 1).findElement(By.className("score")).getText());
    assertThat(top).isGreaterThanOrEqualTo(0.9).isGreaterThanOrEqualTo(last);
    assertThat(browser.findElements(By.id("no-knowledge"))).isEmpty();
    assertThat(Axe.seriousViolations(browser)).isEmpty();
  }

  @Test
  void anEditorSeesWhatChangedWithItsDiffAndAppliesIt() {
    String id = SourcesApi.register("web", site.url("/leben/flohmarkt.html"), "editor");
    SourcesApi.crawl(id);
    logInAsAdmin();

    // A bad source is refused on the page, in German, and the form keeps what was typed.
    Navigation.click(browser, browser.findElement(By.linkText("Wissensquellen")));
    browser.findElement(By.id("url")).sendKeys("https://www.leoben.at/");
    Navigation.click(browser, browser.findElement(By.cssSelector("form.add-source button")));
    assertThat(waitFor(By.id("source-error")).getText()).contains("außerhalb des Netzes der Stadt");
    assertThat(browser.findElement(By.id("url")).getAttribute("value")).isEqualTo("https://www.leoben.at/");
    assertThat(browser.findElement(By.cssSelector("tr[data-source='" + id + "']")).getText()).contains("2 warten auf Freigabe");

    Navigation.click(browser, browser.findElement(By.linkText("Änderungen")));
    WebElement flea = change(site.url("/leben/flohmarkt.html"));
    assertThat(flea.findElement(By.tagName("h2")).getText()).contains("neu").contains("Flohmarkt am Kirchplatz");
    Navigation.click(browser, flea.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Übernehmen')]")));
    assertThat(waitFor(By.id("change-notice")).getText()).contains("übernommen");
    assertThat(browser.findElements(By.cssSelector("article.change"))).hasSize(1);
    assertThat(Axe.seriousViolations(browser)).isEmpty();

    site.changeFleaMarket();
    SourcesApi.crawl(id);
    Navigation.replacingPage(browser, () -> browser.navigate().refresh());
    WebElement changed = change(site.url("/leben/flohmarkt.html"));
    assertThat(changed.findElement(By.tagName("h2")).getText()).contains("geändert");
    assertThat(changed.findElement(By.cssSelector("tr.diff-removed")).getText()).contains("jeden ersten Samstag");
    assertThat(changed.findElement(By.cssSelector("tr.diff-added")).getText()).contains("jeden zweiten Samstag");
  }

  private WebElement change(String url) {
    waitFor(By.tagName("h1"));
    return browser.findElements(By.cssSelector("article.change")).stream()
        .filter(article -> article.findElement(By.tagName("a")).getText().equals(url))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no change for " + url));
  }
}

package at.leoben.assistant.cases;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Browser;
import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.Navigation;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hand-over end to end in two browsers: a citizen hands the question over in the widget, a
 * clerk claims and answers it in the staff UI (keyboard, escaped), the citizen reads the reply as a
 * person's, and the audit shows each step. With {@code -Dscreenshots.dir=docs/screenshots} it
 * also saves the README's screenshots of the form, the inbox and the citizen's view of the answer.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class CaseBrowserTest extends BrowserTest {

  private static final String REPLY =
      "Guten Tag, Ihr neuer Reisepass liegt ab Montag im Bürgerservice zur Abholung bereit. Bitte bringen Sie Ihren alten Pass mit. <Ihr Bürgerservice>";
  private static final String NOTE = "Es geht um meinen Reisepass. <img src=x onerror=\"window.hacked=2\">";

  private void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition::apply);
  }

  private void screenshot(String name, TakesScreenshot what) throws IOException {
    String folder = System.getProperty("screenshots.dir");
    if (folder != null && !folder.isBlank()) {
      Files.createDirectories(Path.of(folder));
      Files.write(Path.of(folder, name + ".png"), what.getScreenshotAs(OutputType.BYTES));
    }
  }

  @Test
  void aCitizenHandsOverAClerkAnswersInTheBrowserAndTheCitizenReadsIt() throws IOException {
    browser.manage().window().setSize(new Dimension(1000, 1800));
    browser.get(url("/"));
    waitFor("#la-input").sendKeys("Ich möchte mit einem Menschen sprechen");
    browser.findElement(By.id("la-send")).click();
    waitFor("#la-handover").click();

    // The form: contact way of the citizen's choice, consent naming purpose and retention.
    WebElement form = waitFor("#la-handover-form");
    assertThat(form.getText()).contains("30 Tage nach Abschluss");
    assertThat(browser.findElement(By.id("la-contact-email")).isDisplayed()).isFalse();
    browser.findElement(By.cssSelector("label[for=la-way-email]")).click();
    browser.findElement(By.id("la-contact-email")).sendKeys("maria.muster@example.at");
    browser.findElement(By.id("la-include-conversation")).click();
    browser.findElement(By.id("la-handover-note")).sendKeys(NOTE);
    browser.findElement(By.id("la-handover-send")).click();
    // Without consent the service refuses, in German, and stores nothing.
    until(d -> d.findElement(By.id("la-handover-error")).isDisplayed());
    assertThat(browser.findElement(By.id("la-handover-error")).getText()).contains("Zustimmung");
    browser.findElement(By.cssSelector("label[for=la-consent]")).click();
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", form);
    screenshot("handover-form", browser.findElement(By.tagName("leoben-assistant")));
    browser.findElement(By.id("la-handover-send")).click();

    WebElement receipt = waitFor("#la-case");
    until(d -> d.findElement(By.id("la-case")).getText().contains("Bürgerservice im Rathaus Leoben"));
    assertThat(receipt.getText()).contains("Uhr").contains("A-");
    String caseId = (String) js("return JSON.parse(sessionStorage.getItem('leoben-assistant')).caseId");
    String conversationId = (String) js("return JSON.parse(sessionStorage.getItem('leoben-assistant')).id");
    assertThat(caseId).isNotBlank();

    // The clerk, in a browser of their own, with the keyboard.
    Staff.ensure(Staff.CLERK, "clerk");
    ChromeDriver clerk = Browser.start("de-AT,de");
    try {
      clerk.manage().window().setSize(new Dimension(1100, 1400));
      clerk.get(url("/staff/cases"));
      new WebDriverWait(clerk, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff/login"));
      clerk.findElement(By.id("j_username")).sendKeys(Staff.CLERK);
      WebElement password = clerk.findElement(By.id("j_password"));
      Navigation.replacingPage(clerk, () -> password.sendKeys(Staff.CLERK_PASSWORD, Keys.ENTER));
      clerk.get(url("/staff/cases"));
      WebElement row = Navigation.waitFor(clerk, By.cssSelector("tr[data-case='" + caseId + "']"));
      assertThat(row.getText()).contains("Bürgerservice im Rathaus Leoben").contains("Offen");
      screenshot("cases-inbox", clerk);
      WebElement open = row.findElement(By.tagName("a"));
      Navigation.replacingPage(clerk, () -> open.sendKeys(Keys.ENTER));

      assertThat(Navigation.waitFor(clerk, By.id("case-question")).getText()).isEqualTo("Ich möchte mit einem Menschen sprechen");
      assertThat(clerk.findElement(By.id("case-contact")).getText()).contains("maria.muster@example.at");
      // What the citizen typed is shown as text: no element is made from it, no script runs.
      assertThat(clerk.findElement(By.id("case-note")).getText()).isEqualTo(NOTE);
      assertThat(clerk.findElements(By.cssSelector("#case-note img"))).isEmpty();
      assertThat(clerk.executeScript("return window.hacked === undefined")).isEqualTo(true);
      assertThat(clerk.findElement(By.id("case-conversation")).getText()).contains("Bürger:in: Ich möchte mit einem Menschen sprechen");
      WebElement claim = clerk.findElement(By.id("claim"));
      Navigation.replacingPage(clerk, () -> claim.sendKeys(Keys.ENTER));
      assertThat(Navigation.waitFor(clerk, By.id("case-notice")).getText()).contains("bearbeiten");
      assertThat(clerk.findElement(By.id("case-status")).getText()).isEqualTo("In Bearbeitung");

      clerk.findElement(By.id("reply-text")).sendKeys(REPLY);
      screenshot("case-item", clerk);

      // An empty reply is refused in the form, which says why.
      clerk.findElement(By.id("reply-text")).clear();
      clerk.findElement(By.id("reply-text")).sendKeys(" ");
      clerk.executeScript("document.getElementById('reply-text').removeAttribute('required')");
      Navigation.click(clerk, clerk.findElement(By.id("send-reply")));
      assertThat(Navigation.waitFor(clerk, By.id("case-error")).getText()).isEqualTo("Bitte schreiben Sie eine Antwort.");
      assertThat(clerk.findElement(By.id("case-status")).getText()).isEqualTo("In Bearbeitung");

      clerk.findElement(By.id("reply-text")).clear();
      clerk.findElement(By.id("reply-text")).sendKeys(REPLY);
      Navigation.click(clerk, clerk.findElement(By.id("send-reply")));
      assertThat(Navigation.waitFor(clerk, By.id("case-notice")).getText()).contains("gespeichert");
      assertThat(clerk.findElement(By.id("case-reply")).getText()).isEqualTo(REPLY);
    } finally {
      clerk.quit();
    }

    // The citizen checks back: the reply, as a person's, without any AI label.
    browser.findElement(By.id("la-case-check")).click();
    WebElement reply = waitFor("#la-case-reply");
    assertThat(reply.getText()).contains(REPLY).contains("Bürgerservice im Rathaus Leoben").contains("verfasst von einer Mitarbeiterin");
    assertThat(reply.findElements(By.cssSelector(".la-badge"))).isEmpty();
    assertThat(js("return window.hacked === undefined")).isEqualTo(true);
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", reply);
    screenshot("case-reply", browser.findElement(By.tagName("leoben-assistant")));

    List<Map<String, Object>> steps =
        Db.rows("select event, actor from audit_entry where conversation_id = ? and event like 'CASE_%' order by id", UUID.fromString(conversationId));
    assertThat(steps).extracting(s -> s.get("event") + "/" + s.get("actor"))
        .containsExactly("CASE_OPENED/null", "CASE_CLAIMED/" + Staff.CLERK, "CASE_ANSWERED/" + Staff.CLERK);
  }
}

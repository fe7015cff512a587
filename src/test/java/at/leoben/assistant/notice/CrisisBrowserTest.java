package at.leoben.assistant.notice;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Axe;
import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.Navigation;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a storm, in headless Chromium: an admin puts up an emergency notice and switches the AI off
 * on the staff page with the keyboard; the widget on the city's page shows the notice (escaped, as
 * an alert) and says that AI answers are off, and the answer to a question is the city's own text.
 * With {@code -Dscreenshots.dir=docs/screenshots} it also takes the README's screenshots.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class CrisisBrowserTest extends BrowserTest {

  private static final String TEXT = "Hochwasser an der Mur: <b>Rathaus</b> heute geschlossen.";

  @AfterEach
  void restore() {
    Staff.asAdmin().body(Map.of("enabled", true, "channel", "all", "reason", "Testende")).put("/api/v1/admin/ai-switch").then().statusCode(200);
    Staff.asAdmin().delete("/api/v1/admin/notice");
  }

  private void logInAsAdmin() {
    browser.get(url("/staff"));
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/staff/login"));
    browser.findElement(By.id("j_username")).sendKeys(Staff.ADMIN);
    WebElement password = browser.findElement(By.id("j_password"));
    Navigation.replacingPage(browser, () -> password.sendKeys(Staff.ADMIN_PASSWORD, Keys.ENTER));
    waitFor(By.cssSelector("nav.staff-nav"));
  }

  @Test
  void anAdminPutsUpANoticeAndSwitchesTheAiOffAndTheWidgetShowsBoth() throws IOException {
    logInAsAdmin();
    Navigation.click(browser, browser.findElement(By.linkText("Hinweis und KI-Schalter")));
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Hinweis und KI-Schalter");
    assertThat(browser.findElement(By.id("current-notice-none")).getText()).contains("kein Hinweis");

    // An empty reason is refused on the page, in German; nothing is switched.
    WebElement off = browser.findElement(By.id("ai-off"));
    js("document.getElementById('reason').removeAttribute('required')");
    Navigation.replacingPage(browser, () -> off.sendKeys(Keys.ENTER));
    assertThat(waitFor(By.id("crisis-error")).getText()).contains("Grund");
    assertThat(browser.findElement(By.cssSelector("li[data-channel='widget']")).getAttribute("data-enabled")).isEqualTo("true");

    // The notice, by keyboard: text, severity chosen with the arrow keys, submitted with Enter.
    browser.findElement(By.id("notice-de")).sendKeys(TEXT);
    WebElement severity = browser.findElement(By.id("severity"));
    severity.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    WebElement publish = browser.findElement(By.id("notice-publish"));
    Navigation.replacingPage(browser, () -> publish.sendKeys(Keys.ENTER));
    assertThat(waitFor(By.id("crisis-done")).getText()).contains("Hinweis ist gesetzt");
    assertThat(browser.findElement(By.id("current-notice")).getText()).contains(TEXT).contains("Notfall");

    browser.findElement(By.id("channel-all")).sendKeys(Keys.SPACE);
    browser.findElement(By.id("reason")).sendKeys("Falsche Auskunft zu den Öffnungszeiten in der Zeitung");
    WebElement switchOff = browser.findElement(By.id("ai-off"));
    Navigation.replacingPage(browser, () -> switchOff.sendKeys(Keys.ENTER));
    assertThat(waitFor(By.id("crisis-done")).getText()).contains("abgeschaltet");
    assertThat(browser.findElement(By.cssSelector("li[data-channel='widget']")).getText()).contains("abgeschaltet").contains("Falsche Auskunft");
    assertThat(browser.findElement(By.cssSelector("table.switch-history tbody")).getText()).contains("admin").contains("Falsche Auskunft");
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    screenshot("crisis-staff");

    // The city's page with the widget: the notice first, as text, announced as an alert.
    Navigation.replacingPage(browser, () -> browser.get(url("/")));
    WebElement notice = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("la-notice")));
    assertThat(notice.getText()).contains(TEXT).startsWith("Notfall:");
    assertThat(notice.getAttribute("role")).isEqualTo("alert");
    assertThat(browser.findElements(By.cssSelector("#la-notice b"))).isEmpty();
    WebElement aiOff = new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("la-ai-off")));
    assertThat(aiOff.getText()).contains("KI-Antworten sind zurzeit abgeschaltet");

    browser.findElement(By.id("la-input")).sendKeys("Wann hat das Bürgerservice geöffnet?");
    browser.findElement(By.id("la-send")).click();
    WebElement answer =
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.la-assistant .la-kind")));
    assertThat(answer.getText()).isEqualTo("Antwort der Stadt (keine KI)");
    assertThat(browser.findElements(By.cssSelector("li.la-assistant .la-badge"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("li.la-assistant .la-text")).getText()).startsWith("Die KI-Antworten sind zurzeit abgeschaltet.");
    assertThat(ollama.chatRequestCount()).isZero();
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    js("window.scrollTo(0, 0)");
    screenshot("crisis-widget");
  }

  private void screenshot(String name) throws IOException {
    String folder = System.getProperty("screenshots.dir");
    if (folder != null && !folder.isBlank()) {
      Files.createDirectories(Path.of(folder));
      Files.write(Path.of(folder, name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
  }
}

package at.leoben.assistant.review;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.Navigation;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk's whole flow in headless Chromium: log in, open the queue, open an item, claim it,
 * correct it, see it audited. Model output with markup shows as text, forms need their CSRF token.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class StaffUiBrowserTest extends BrowserTest {

  private static final String HOSTILE =
      "Das Fundamt ist im Bahnhof. <script>window.hacked = 1</script><img src=x onerror=\"window.hacked = 2\">";

  @BeforeAll
  static void queueOfThisRunOnly() {
    Reviews.retireItemsOfEarlierRuns();
  }

  @BeforeEach
  void clerk() {
    Staff.ensure(Staff.CLERK, "clerk");
  }

  /** Submits a form (or follows a link) and waits for the page that replaces this one. */
  private void submit(WebElement control) {
    Navigation.click(browser, control);
  }

  private void logIn(String username, String password) {
    browser.get(url("/staff"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff/login"));
    browser.findElement(By.id("j_username")).sendKeys(username);
    WebElement passwordField = browser.findElement(By.id("j_password"));
    Navigation.replacingPage(browser, () -> passwordField.sendKeys(password, Keys.ENTER));
  }

  @Test
  void aClerkLogsInClaimsCorrectsAndSeesTheDecisionAudited() {
    ollama.behave(Behaviour.answer(HOSTILE));
    Reviews.Flagged flagged = Reviews.askAndRateDown(Reviews.uniqueQuestion());

    // A wrong password shows the form's error, in German.
    logIn(Staff.CLERK, "falsches-passwort");
    assertThat(waitFor(By.id("login-error")).getText()).contains("Anmeldung fehlgeschlagen");
    logIn(Staff.CLERK, Staff.CLERK_PASSWORD);

    // The queue, newest page of the thumbs-down filter: the item is listed.
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Prüfliste");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reason"))).selectByValue("CITIZEN_FEEDBACK");
    submit(browser.findElement(By.cssSelector("form.filters button")));
    WebElement row = findRowOnAnyPage(flagged.itemId());
    submit(row.findElement(By.partialLinkText("Öffnen")));

    // Model output is shown as text: no script ran, no image element was made from it.
    WebElement answer = waitFor(By.id("answer-text"));
    assertThat(answer.getText()).contains("<script>window.hacked = 1</script>").contains("<img src=x onerror=");
    assertThat(answer.findElements(By.tagName("img"))).isEmpty();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.hacked === undefined")).isEqualTo(true);

    // Claim it.
    submit(browser.findElement(By.id("claim")));
    assertThat(waitFor(By.cssSelector("[role=status]")).getText()).contains("übernommen");
    assertThat(browser.findElement(By.id("item-status")).getText()).isEqualTo("In Prüfung");

    // A form without its CSRF token is refused, and nothing changes.
    Object status =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/staff/item/release', {method: 'POST', headers: {'Content-Type':"
                    + " 'application/x-www-form-urlencoded'}, body: 'id=" + flagged.itemId() + "'})"
                    + ".then(r => done(r.status)).catch(e => done(String(e)));");
    assertThat(status).isEqualTo(400L);

    // "Correct" without a text: the form says why and keeps what was typed.
    browser.findElement(By.id("decision-correct")).click();
    WebElement corrected = browser.findElement(By.id("correctedText"));
    corrected.clear();
    browser.findElement(By.id("comment")).sendKeys("Ort war falsch");
    submit(browser.findElement(By.id("decide")));
    assertThat(waitFor(By.id("decision-error")).getText()).isEqualTo("Bitte geben Sie den korrigierten Antworttext ein.");
    assertThat(browser.findElement(By.id("comment")).getAttribute("value")).isEqualTo("Ort war falsch");
    assertThat(browser.findElement(By.id("item-status")).getText()).isEqualTo("In Prüfung");

    // Now with the corrected answer.
    browser.findElement(By.id("decision-correct")).click();
    browser.findElement(By.id("correctedText")).sendKeys("Fundsachen geben Sie im Rathaus Leoben ab.");
    submit(browser.findElement(By.id("decide")));
    assertThat(waitFor(By.cssSelector("[role=status]")).getText()).contains("gespeichert und protokolliert");
    assertThat(browser.findElement(By.id("item-status")).getText()).isEqualTo("Korrigiert");
    assertThat(browser.findElement(By.id("corrected-text")).getText()).isEqualTo("Fundsachen geben Sie im Rathaus Leoben ab.");
    assertThat(browser.findElement(By.id("history")).getText()).contains(Staff.CLERK).contains("Korrigiert").contains("Ort war falsch");

    List<java.util.Map<String, Object>> audit =
        Db.rows(
            "select actor, kind from audit_entry where message_id = ? and event = 'REVIEW_DECISION'",
            UUID.fromString(flagged.messageId()));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0)).containsEntry("actor", Staff.CLERK).containsEntry("kind", "CORRECTED");

    // Signing out ends the session.
    submit(browser.findElement(By.cssSelector("form.account button")));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff/login"));
    browser.get(url("/staff"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff/login"));
  }

  @Test
  void theUiIsUsableWithTheKeyboardAlone() {
    Reviews.Flagged flagged = Reviews.askAndRateDown(Reviews.uniqueQuestion());
    browser.get(url("/staff"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/staff/login"));
    // Tab order: skip link, then the user name field (autofocused), password, submit.
    WebElement active = browser.switchTo().activeElement();
    assertThat(active.getAttribute("id")).isEqualTo("j_username");
    active.sendKeys(Staff.CLERK, Keys.TAB);
    browser.switchTo().activeElement().sendKeys(Staff.CLERK_PASSWORD, Keys.TAB);
    assertThat(browser.switchTo().activeElement().getTagName()).isEqualTo("button");
    WebElement submitButton = browser.switchTo().activeElement();
    Navigation.replacingPage(browser, () -> submitButton.sendKeys(Keys.ENTER));
    waitFor(By.cssSelector("table.queue"));
    browser.get(url("/staff/item?id=" + flagged.itemId()));
    WebElement claim = waitFor(By.id("claim"));
    Navigation.replacingPage(browser, () -> claim.sendKeys(Keys.ENTER));
    assertThat(waitFor(By.id("item-status")).getText()).isEqualTo("In Prüfung");
    // Every form control has a visible label.
    for (WebElement field : browser.findElements(By.cssSelector("textarea, select, input[type=radio]"))) {
      String id = field.getAttribute("id");
      assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for " + id).isNotEmpty();
    }
  }

  /** Oldest first: walk the pages until the item's row shows up. */
  private WebElement findRowOnAnyPage(String itemId) {
    for (int page = 0; page < 100; page++) {
      List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-item='" + itemId + "']"));
      if (!rows.isEmpty()) {
        return rows.get(0);
      }
      List<WebElement> next = browser.findElements(By.cssSelector("a[rel=next]"));
      assertThat(next).as("item " + itemId + " in the queue").isNotEmpty();
      submit(next.get(0));
      waitFor(By.cssSelector("table.queue"));
    }
    throw new AssertionError("item not found in the queue");
  }
}

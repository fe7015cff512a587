package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The citizens' widget on the demo page, in headless Chromium, against the real service. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class WidgetBrowserTest extends BrowserTest {

  @BeforeEach
  void openTheDemoPage() {
    browser.get(base.toString());
  }

  private void ask(String question) {
    waitFor("#la-input").sendKeys(question);
    browser.findElement(By.id("la-send")).click();
  }

  @Test
  void theNoticeComesFirstAndAnAiAnswerIsLabelledInTextAndMarkup() {
    WebElement intro = waitFor("#la-intro");
    assertThat(intro.getText()).contains("KI-System der Stadt Leoben").contains("mit einem Menschen sprechen");
    // The notice names the human responsible for the answers, from the transparency register.
    String responsible =
        new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(d -> {
              String text = d.findElement(By.id("la-responsible")).getText();
              return text.isEmpty() ? null : text;
            });
    assertThat(responsible)
        .isEqualTo("Verantwortlich für die Antworten: Mag. Erika Muster, Leiterin Bürgerservice (buergerservice@leoben.at)");
    assertThat(intro.findElement(By.tagName("a")).getAttribute("href")).endsWith("/transparenz?lang=de");

    ollama.behave(Behaviour.answer("Fundsachen geben Sie im Fundamt im Rathaus ab [1]."));
    ask(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    WebElement answer = waitFor("li[data-ai-generated='true'] .la-feedback");
    WebElement item = browser.findElement(By.cssSelector("li[data-ai-generated='true']"));
    assertThat(item.findElement(By.className("la-badge")).getText()).startsWith("KI-generiert");
    assertThat(item.findElement(By.cssSelector("meta[itemprop='digitalSourceType']")).getAttribute("content"))
        .endsWith("trainedAlgorithmicMedia");
    assertThat(item.findElement(By.className("la-text")).getText()).contains("Fundamt im Rathaus");
    assertThat(item.findElements(By.cssSelector(".la-sources a"))).isNotEmpty();
    // Announced once per finished answer by the status region, not token by token (LanguagesBrowserTest).
    assertThat(browser.findElement(By.id("la-announce")).getAttribute("aria-live")).isEqualTo("polite");

    // Copying the answer copies its label along.
    Object copied =
        js("const text = document.querySelector(\"li[data-ai-generated='true'] .la-text\");"
            + "const range = document.createRange(); range.selectNodeContents(text);"
            + "const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);"
            + "const event = new ClipboardEvent('copy', {clipboardData: new DataTransfer(), bubbles: true, cancelable: true});"
            + "text.dispatchEvent(event); return event.clipboardData.getData('text/plain');");
    assertThat((String) copied).contains("Fundamt im Rathaus").contains("[KI-generiert:");

    // A thumbs-down with reason and comment reaches the service (the comment redacted).
    answer.findElement(By.className("la-down")).click();
    new org.openqa.selenium.support.ui.Select(answer.findElement(By.tagName("select"))).selectByValue("outdated");
    answer.findElement(By.tagName("textarea")).sendKeys("Die Zeiten stimmen nicht, Tel. +43 664 1234567");
    answer.findElement(By.className("la-send-feedback")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> answer.getText().contains("Danke"));
    String session = (String) js("return sessionStorage.getItem('leoben-assistant')");
    String conversation = session.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    var stored = Db.rows("select rating, reasons, comment from feedback where conversation_id = ?", UUID.fromString(conversation));
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).containsEntry("rating", "DOWN").containsEntry("reasons", "outdated")
        .containsEntry("comment", "Die Zeiten stimmen nicht, Tel. [TELEFON]");

    // Erasing removes it in the service and in the tab.
    browser.findElement(By.id("la-erase")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("la-log")).getText().contains("gelöscht"));
    assertThat(js("return sessionStorage.getItem('leoben-assistant')")).isNull();
    assertThat(Db.rows("select 1 from conversation where id = ?", UUID.fromString(conversation))).isEmpty();
  }

  @Test
  void modelOutputWithMarkupIsShownAsTextAndNeverRuns() {
    ollama.behave(Behaviour.answer("Im Rathaus. <script>window.hacked = 1</script><img src=x onerror=\"window.hacked = 2\">"));
    ask(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    WebElement text = waitFor("li[data-ai-generated='true'] .la-feedback").findElement(By.xpath("..")).findElement(By.className("la-text"));
    assertThat(text.getText()).contains("<script>window.hacked = 1</script>").contains("<img src=x");
    assertThat(browser.findElements(By.cssSelector("#la-log img, #la-log script"))).isEmpty();
    assertThat(js("return window.hacked === undefined")).isEqualTo(true);
  }

  @Test
  void theHumanWayIsAlwaysThereWithOpeningStateAndPhoneLinks() {
    waitFor("#la-human").click();
    WebElement channels = waitFor("#la-channels .la-channel-list");
    assertThat(channels.getText()).containsAnyOf("jetzt geöffnet", "geschlossen").contains("Bürgerservice");
    assertThat(channels.findElements(By.cssSelector("a[href^='tel:']"))).isNotEmpty();
    assertThat(channels.findElements(By.cssSelector("a[href^='mailto:']"))).isNotEmpty();
  }

  @Test
  void aCitizenCanUseItWithTheKeyboardAlone() {
    waitFor("#la-input");
    var actions = new org.openqa.selenium.interactions.Actions(browser);
    for (int i = 0; i < 20 && !"la-input".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
      actions.sendKeys(org.openqa.selenium.Keys.TAB).perform();
    }
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("la-input");
    actions.sendKeys("Ich möchte bitte mit einem Menschen sprechen").perform();
    actions.sendKeys(org.openqa.selenium.Keys.TAB).perform();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("la-send");
    actions.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
    assertThat(waitFor("#la-log li.la-city .la-channel-list").getText()).contains("Bürgerservice");
  }

  @Test
  void theWidgetSpeaksEnglishOnRequest() {
    waitFor("#la-language").click();
    assertThat(waitFor("leoben-assistant h2").getText()).isEqualTo("AI citizen assistant of the City of Leoben");
    assertThat(browser.findElement(By.id("la-human")).getText()).isEqualTo("Talk to a person");
  }

  @Test
  void thePlainLanguageSwitchAsksForPlainAnswersAndLastsForTheTab() {
    WebElement toggle = waitFor("#la-plain");
    assertThat(toggle.getText()).isEqualTo("Einfache Sprache");
    assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
    toggle.click();
    assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");

    // Remembered in this tab: still on after a reload, and in the English UI.
    browser.navigate().refresh();
    assertThat(waitFor("#la-plain").getAttribute("aria-pressed")).isEqualTo("true");
    js("window.sent = []; const send = window.fetch;"
        + "window.fetch = (url, init) => { if (init && init.body) window.sent.push(init.body); return send(url, init); };");
    ask(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    waitFor("li[data-ai-generated='true'] .la-feedback");
    assertThat((String) js("return window.sent[0]")).contains("\"plainLanguage\":true");
    assertThat(lastSystemPrompt()).contains("Einfache Sprache:");

    waitFor("#la-language").click();
    WebElement english = waitFor("#la-plain");
    assertThat(english.getText()).isEqualTo("Plain language");
    assertThat(english.getAttribute("aria-pressed")).isEqualTo("true");
    english.click();
    assertThat(english.getAttribute("aria-pressed")).isEqualTo("false");
    assertThat(js("return sessionStorage.getItem('leoben-assistant-plain')")).isEqualTo("false");
    js("window.sent = [];");
    ask(Questions.unique("Where do I hand in something I found?"));
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> d.findElements(By.cssSelector("li[data-ai-generated='true'] .la-feedback")).size() == 1);
    assertThat((String) js("return window.sent[0]")).doesNotContain("plainLanguage");
    assertThat(lastSystemPrompt()).doesNotContain("Einfache Sprache:").doesNotContain("Plain English:");
  }

  private String lastSystemPrompt() {
    var requests = ollama.chatRequests();
    return requests.get(requests.size() - 1).path("messages").get(0).path("content").asText();
  }

  @Test
  void aBrokenStreamEndsInTheHumanChannelsNotASpinner() {
    ollama.behave(Behaviour.dropAfter(1));
    ask(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    WebElement last = new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> {
          var items = d.findElements(By.cssSelector("#la-log li.la-assistant"));
          WebElement item = items.isEmpty() ? null : items.get(items.size() - 1);
          return item != null && item.getAttribute("aria-busy") == null ? item : null;
        });
    assertThat(last.getText()).isNotBlank();
    assertThat(last.getAttribute("class")).contains("la-city");
    // What shows is the city's text now: no KI label left from the first streamed words.
    assertThat(last.findElements(By.className("la-badge"))).isEmpty();
    assertThat(last.getAttribute("data-ai-generated")).isNull();
  }
}

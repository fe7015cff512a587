package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Axe;
import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** axe-core finds no serious or critical WCAG violation on the pages citizens and staff open first. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class AccessibilityTest extends BrowserTest {

  @Test
  void theDemoPageWithTheWidgetAndAnAnswer() {
    ollama.behave(Behaviour.answer("Fundsachen geben Sie im Fundamt im Rathaus ab [1]."));
    browser.get(url("/"));
    waitFor(By.id("la-input"))
        .sendKeys(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    browser.findElement(By.id("la-send")).click();
    waitFor(By.cssSelector("li[data-ai-generated='true'] .la-feedback"));
    browser.findElement(By.id("la-human")).click();
    waitFor(By.cssSelector("#la-channels li"));
    assertThat(Axe.seriousViolations(browser)).isEmpty();
  }

  @Test
  void theTransparencyPageInBothLanguages() {
    browser.get(url("/transparenz"));
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    browser.get(url("/transparenz?lang=en"));
    assertThat(Axe.seriousViolations(browser)).isEmpty();
  }

  @Test
  void theCheckFindsAViolationWhereThereIsOne() {
    browser.get("data:text/html,<html><body><img src='x.png'><input type='text'></body></html>");
    assertThat(Axe.seriousViolations(browser)).anyMatch(violation -> violation.startsWith("image-alt"));
  }

  @Test
  void theStaffLoginPage() {
    browser.get(url("/staff/login"));
    assertThat(Axe.seriousViolations(browser)).isEmpty();
  }
}

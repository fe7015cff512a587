package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Axe;
import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The embedding tag's data- attributes for colour and position, on a page of "the city" with a
 * CSP that forbids inline scripts and styles (test page {@code /embed-test/page.html}, which puts
 * the query's parameters on the tag as data- attributes).
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class WidgetAttributesBrowserTest extends BrowserTest {

  private static final String DEFAULT_COLOR = "rgb(0, 90, 156)";

  private void open(String query) {
    browser.get(url("/embed-test/page.html?" + query));
    waitFor(By.id("la-title"));
  }

  private String style(String css, String property) {
    return (String) js("return getComputedStyle(document.querySelector('" + css + "'))." + property);
  }

  @SuppressWarnings("unchecked")
  private List<String> warnings() {
    return (List<String>) js("return window.widgetWarnings");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Number> rect(String css) {
    return (Map<String, Number>) js("const r = document.querySelector('" + css + "').getBoundingClientRect();"
        + "return {left: r.left, right: r.right, bottom: r.bottom, width: innerWidth, height: innerHeight};");
  }

  @Test
  void aColourWithEnoughContrastIsUsedUnderAStrictCsp() {
    open("position=inline&color=%232e6b1f");
    assertThat(style("#la-send", "backgroundColor")).isEqualTo("rgb(46, 107, 31)");
    assertThat(style("#la-send", "color")).isEqualTo("rgb(255, 255, 255)");
    assertThat(style("leoben-assistant .la-box", "borderTopColor")).isEqualTo("rgb(46, 107, 31)");
    assertThat(style("#la-title", "color")).isEqualTo("rgb(46, 107, 31)");
    assertThat(style("#la-intro a", "color")).isEqualTo("rgb(46, 107, 31)");
    assertThat(warnings()).isEmpty();
    assertThat((List<?>) js("return window.cspViolations")).isEmpty();
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    // The page's CSP is in force: an inline style attribute is refused there.
    js("document.getElementById('after').setAttribute('style', 'color: rgb(255, 0, 0)')");
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !((List<?>) js("return window.cspViolations")).isEmpty());
    assertThat(style("#after", "color")).isNotEqualTo("rgb(255, 0, 0)");
  }

  @Test
  void aColourTooWeakForTheWhiteTextOnItIsRefusedAndTheConsoleSaysWhy() {
    open("position=inline&color=%23ffd700");
    assertThat(style("#la-send", "backgroundColor")).isEqualTo(DEFAULT_COLOR);
    assertThat(style("#la-title", "color")).isEqualTo("rgb(0, 59, 102)");
    assertThat(warnings()).singleElement().asString()
        .contains("data-color=\"#ffd700\"").contains("contrast").contains("4.5:1").contains("#005a9c");
    // Just above the white text's 4.5:1 but too weak on the notice's tint: refused as well.
    open("position=inline&color=%23767676");
    assertThat(style("#la-send", "backgroundColor")).isEqualTo(DEFAULT_COLOR);
    assertThat(warnings()).singleElement().asString().contains("contrast");
  }

  @Test
  void unknownValuesFallBackToTheDefaults() {
    open("position=top-middle&color=green&lang=fr");
    assertThat(js("return document.querySelector('leoben-assistant').dataset.position")).isEqualTo("bottom-right");
    assertThat(js("return document.querySelector('leoben-assistant').lang")).isEqualTo("de");
    assertThat(style("#la-launcher", "backgroundColor")).isEqualTo(DEFAULT_COLOR);
    // The language is checked with the service (GET /api/v1/languages/fr/widget): its warning comes last.
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> warnings().size() == 3);
    assertThat(warnings()).hasSize(3)
        .anySatisfy(w -> assertThat(w).contains("data-position=\"top-middle\""))
        .anySatisfy(w -> assertThat(w).contains("data-color=\"green\""))
        .anySatisfy(w -> assertThat(w).contains("data-lang=\"fr\""));
  }

  @Test
  void inlineRendersInPlace() {
    open("position=inline");
    assertThat(js("return document.querySelector('leoben-assistant').parentElement.id")).isEqualTo("slot");
    assertThat(js("const w = document.querySelector('leoben-assistant');"
        + "return !!(w.compareDocumentPosition(document.getElementById('after')) & Node.DOCUMENT_POSITION_FOLLOWING)"))
        .isEqualTo(true);
    assertThat(style("leoben-assistant", "position")).isEqualTo("static");
    assertThat(browser.findElements(By.id("la-launcher"))).isEmpty();
    assertThat(browser.findElement(By.id("la-input")).isDisplayed()).isTrue();
  }

  @Test
  void bottomRightIsTheDefaultAndFloatsInTheCorner() {
    open("lang=de");
    assertThat(style("leoben-assistant", "position")).isEqualTo("fixed");
    Map<String, Number> launcher = rect("#la-launcher");
    assertThat(launcher.get("width").doubleValue() - launcher.get("right").doubleValue()).isBetween(0.0, 40.0);
    assertThat(launcher.get("height").doubleValue() - launcher.get("bottom").doubleValue()).isBetween(0.0, 40.0);
    assertThat(warnings()).isEmpty();
  }

  @Test
  void bottomLeftOpensAndClosesWithTheLauncherAndEscape() {
    open("position=bottom-left&lang=en");
    WebElement launcher = browser.findElement(By.id("la-launcher"));
    assertThat(launcher.getText()).isEqualTo("AI assistant");
    assertThat(style("leoben-assistant", "position")).isEqualTo("fixed");
    Map<String, Number> corner = rect("#la-launcher");
    assertThat(corner.get("left").doubleValue()).isBetween(0.0, 40.0);
    assertThat(corner.get("height").doubleValue() - corner.get("bottom").doubleValue()).isBetween(0.0, 40.0);
    assertThat(browser.findElement(By.id("la-panel")).isDisplayed()).isFalse();
    assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");

    launcher.click();
    assertThat(browser.findElement(By.id("la-panel")).isDisplayed()).isTrue();
    assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("true");
    // Focus goes to the top of the panel, so the notice is read before the input.
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("la-title");
    assertThat(rect("#la-panel").get("left").doubleValue()).isBetween(0.0, 40.0);
    assertThat(Axe.seriousViolations(browser)).isEmpty();

    new Actions(browser).sendKeys(Keys.ESCAPE).perform();
    assertThat(browser.findElement(By.id("la-panel")).isDisplayed()).isFalse();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("la-launcher");
    assertThat((List<?>) js("return window.cspViolations")).isEmpty();
  }
}

package at.leoben.assistant.testsupport;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import java.util.UUID;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Actions that replace the page (a form post, a link, Enter in a form). Selenium returns from the
 * click before the old page is gone, so an element looked up right after it may belong to the page
 * being replaced (StaleElementReferenceException on the next read). These helpers wait until the old
 * page is stale and the new one has loaded; only then may a test look for elements.
 */
public final class Navigation {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private Navigation() {}

  /**
   * Runs the action, then waits until the page it was started on has been replaced and loaded. The
   * old page carries a mark in its window object; a new document has none. (Chromium answers a
   * look-up of an element of an unloaded page with varying errors, not always "stale element", so
   * the mark is checked instead, and errors while the page is between documents are waited out.)
   */
  public static void replacingPage(WebDriver browser, Runnable action) {
    String mark = UUID.randomUUID().toString();
    ((JavascriptExecutor) browser).executeScript("window.__pageMark = arguments[0];", mark);
    action.run();
    new WebDriverWait(browser, TIMEOUT)
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return window.__pageMark !== arguments[0] && document.readyState === 'complete';",
                            mark)));
  }

  /** Clicks an element that submits a form or follows a link, and waits for the new page. */
  public static void click(WebDriver browser, WebElement element) {
    replacingPage(browser, element::click);
  }

  /** Waits for an element of the current (settled) page. */
  public static WebElement waitFor(WebDriver browser, By locator) {
    return new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  /** Waits for an element's text, re-reading it until it matches (never a stale element). */
  public static String waitForText(WebDriver browser, By locator, String expected) {
    new WebDriverWait(browser, TIMEOUT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.textToBe(locator, expected));
    return expected;
  }
}

package at.leoben.assistant.testsupport;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A test that drives the running service in headless Chromium: a fresh German browser
 * ({@link Browser}) for each test, quit after it even when the test failed, and the Ollama stand-in
 * reset before it. Subclasses are {@code @QuarkusTest}s with the {@link OllamaStandInResource}; a
 * subclass's own {@code @BeforeEach} runs after the browser has started.
 */
public abstract class BrowserTest {

  @InjectOllamaStandIn protected OllamaStandIn ollama;

  @TestHTTPResource("/")
  protected URL base;

  protected ChromeDriver browser;

  @BeforeEach
  protected void startBrowser() {
    ollama.reset();
    browser = Browser.start("de-AT,de");
  }

  @AfterEach
  protected void quitBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** The absolute URL of a path of the service. */
  protected String url(String path) {
    return base.toString().replaceAll("/$", "") + path;
  }

  /** Waits for an element of the current (settled) page; see {@link Navigation}. */
  protected WebElement waitFor(By locator) {
    return Navigation.waitFor(browser, locator);
  }

  protected WebElement waitFor(String css) {
    return waitFor(By.cssSelector(css));
  }

  protected Object js(String script) {
    return browser.executeScript(script);
  }
}

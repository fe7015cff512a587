package at.leoben.assistant.admission;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.SseStream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** While the model's one slot is taken, the widget tells the citizen their place, then answers. */
@QuarkusTest
@TestProfile(QueuedNoticeBrowserTest.OneSlotPatientLine.class)
@QuarkusTestResource(OllamaStandInResource.class)
class QueuedNoticeBrowserTest extends BrowserTest {

  public static class OneSlotPatientLine implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "assistant.llm.parallel", "1",
          "assistant.llm.max-queue-wait", "15s",
          "assistant.llm.generation-estimate", "1s");
    }
  }

  @Test
  void theWaitingCitizenSeesTheirPlaceUntilTheAnswerBegins() {
    browser.get(base.toString());
    // Typed before the other citizen starts, so that the page's own loading (under load, seconds)
    // cannot use up the other answer's time: the click is the only step left.
    waitFor("#la-input").sendKeys("Wo ist das Fundamt?");
    ollama.capacity(1, Duration.ZERO);
    // Another citizen's answer takes the slot for about 6 s.
    ollama.behave(Behaviour.answer("Das Fundamt ist im Rathaus. ".repeat(6), Duration.ofMillis(200)));
    try (SseStream other = SseStream.open("{\"message\":\"Wo ist das Fundamt? Jemand anderer\"}")) {
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (ollama.generating() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      browser.findElement(By.id("la-send")).click();

      WebElement notice = waitFor(".la-queued");
      assertThat(notice.getText()).contains("an 1. Stelle").contains("Sekunde");
      assertThat(notice.getAttribute("role")).isEqualTo("status");
      assertThat(notice.getAttribute("aria-live")).isEqualTo("polite");
      // The service's words as text: no markup inside.
      assertThat(notice.findElements(By.xpath("./*"))).isEmpty();

      // Once the answer begins, the notice goes and the answer is labelled as usual.
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> !d.findElements(By.cssSelector("li[data-ai-generated='true'] .la-feedback")).isEmpty());
      assertThat(browser.findElements(By.cssSelector(".la-queued"))).isEmpty();
      assertThat(browser.findElement(By.cssSelector("li[data-ai-generated='true'] .la-text")).getText())
          .contains("Das Fundamt ist im Rathaus.");
    }
  }
}

package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The widget in the languages of Leoben: Arabic right to left, the others from their bundles. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class LanguagesBrowserTest extends BrowserTest {

  private void until(String script) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Boolean.TRUE.equals(js(script)));
  }

  @Test
  void arabicIsWrittenRightToLeftAndTurkishLeftToRight() {
    browser.get(url("/embed-test/page.html?position=inline&lang=ar"));
    waitFor(By.id("la-title"));
    until("return document.querySelector('leoben-assistant').getAttribute('dir') === 'rtl'");

    assertThat(waitFor("#la-title").getText()).isEqualTo("مساعد المواطنين بالذكاء الاصطناعي لمدينة ليوبن");
    assertThat(js("return getComputedStyle(document.querySelector('#la-input')).direction")).isEqualTo("rtl");
    assertThat(js("return document.querySelector('leoben-assistant').getAttribute('lang')")).isEqualTo("ar");
    assertThat(waitFor("label[for=la-input]").getText()).isEqualTo("سؤالكم");

    new Select(waitFor("#la-languages")).selectByValue("tr");
    until("return document.querySelector('leoben-assistant').getAttribute('dir') === 'ltr'"
        + " && document.querySelector('#la-title').textContent.startsWith('Leoben Belediyesi')");
    assertThat(js("return getComputedStyle(document.querySelector('#la-input')).direction")).isEqualTo("ltr");
    assertThat(waitFor("#la-send").getText()).isEqualTo("Gönder");
    assertThat(new Select(waitFor("#la-languages")).getFirstSelectedOption().getText()).isEqualTo("Türkçe");
  }
}

package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Axe;
import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Screenshots;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The widget in the languages of Leoben: Arabic right to left, the others from their bundles. */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class LanguagesBrowserTest extends BrowserTest {

  private void askAndWait(String question) {
    waitFor("#la-input").sendKeys(question);
    waitFor("#la-send").click();
    until("return document.querySelector('#la-announce').textContent.length > 0");
  }

  private void until(String script) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> Boolean.TRUE.equals(js(script)));
  }

  @Test
  void arabicIsWrittenRightToLeftAndTurkishLeftToRight() throws IOException {
    ollama.behave(Behaviour.answer("يمكنكم تسجيل كلبكم في خدمة المواطنين في مبنى البلدية [1]."));
    browser.get(url("/embed-test/page.html?position=inline&lang=ar"));
    waitFor(By.id("la-title"));
    until("return document.querySelector('leoben-assistant').getAttribute('dir') === 'rtl'");

    assertThat(waitFor("#la-title").getText()).isEqualTo("مساعد المواطنين بالذكاء الاصطناعي لمدينة ليوبن");
    assertThat(js("return getComputedStyle(document.querySelector('#la-input')).direction")).isEqualTo("rtl");
    assertThat(js("return document.querySelector('leoben-assistant').getAttribute('lang')")).isEqualTo("ar");
    assertThat(waitFor("label[for=la-input]").getText()).isEqualTo("سؤالكم");
    askAndWait("أين يمكنني تسجيل كلبي في ليوبن؟");
    assertThat(js("return getComputedStyle(document.querySelector('#la-log li.la-assistant .la-text')).direction"))
        .isEqualTo("rtl");
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    Screenshots.keepWidget(browser, "arabic");

    new Select(waitFor("#la-languages")).selectByValue("tr");
    until("return document.querySelector('leoben-assistant').getAttribute('dir') === 'ltr'"
        + " && document.querySelector('#la-title').textContent.startsWith('Leoben Belediyesi')");
    assertThat(js("return getComputedStyle(document.querySelector('#la-input')).direction")).isEqualTo("ltr");
    assertThat(waitFor("#la-send").getText()).isEqualTo("Gönder");
    assertThat(new Select(waitFor("#la-languages")).getFirstSelectedOption().getText()).isEqualTo("Türkçe");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theFinishedAnswerIsAnnouncedOnceWithItsLabelInTheCitizensLanguage() throws IOException {
    ollama.behave(Behaviour.answer("Köpeğinizi Belediye Binası'nda kaydettirebilirsiniz [1]."));
    browser.get(url("/embed-test/page.html?position=inline&lang=tr"));
    until("return document.querySelector('#la-send') && document.querySelector('#la-send').textContent === 'Gönder'");

    // Before the first message: the starter questions in Turkish (i18n/starters_tr.txt).
    until("return document.querySelectorAll('#la-starters .la-starter').length === 3");
    assertThat(waitFor("#la-starters .la-starter").getText()).isEqualTo("Köpeğimi nereye kaydettirebilirim?");
    askAndWait("Leoben'de köpeğimi nereye kaydettirebilirim?");
    assertThat(browser.findElements(By.id("la-starters"))).isEmpty();
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    Screenshots.keepWidget(browser, "turkish");

    String announced = (String) js("return document.querySelector('#la-announce').textContent");
    assertThat(announced)
        .isEqualTo("KI-generiert – Yapay zekâ tarafından oluşturuldu: Bu yanıtı bir yapay zekâ sistemi yazdı ve hata"
            + " içerebilir.: Köpeğinizi Belediye Binası'nda kaydettirebilirsiniz [1].");
    assertThat(js("return document.querySelector('#la-announce').getAttribute('lang')")).isEqualTo("tr");
    assertThat(js("return document.querySelector('#la-log li.la-assistant .la-text').getAttribute('lang')")).isEqualTo("tr");
    // The streamed tokens are not announced: the log itself is no live region.
    assertThat(js("return document.querySelector('#la-log').getAttribute('aria-live')")).isNull();

    // In the accessibility tree a screen reader reads: the polite status region with the label and answer.
    Map<String, Object> tree = browser.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) tree.get("nodes");
    assertThat(nodes)
        .anySatisfy(
            node -> {
              Map<String, Object> role = (Map<String, Object>) node.get("role");
              assertThat(role.get("value")).isEqualTo("status");
              List<Map<String, Object>> properties = (List<Map<String, Object>>) node.getOrDefault("properties", List.of());
              assertThat(properties)
                  .anySatisfy(p -> {
                    assertThat(p.get("name")).isEqualTo("live");
                    assertThat(((Map<String, Object>) p.get("value")).get("value")).isEqualTo("polite");
                  });
            });
    assertThat(nodes)
        .anySatisfy(
            node -> {
              Map<String, Object> name = (Map<String, Object>) node.get("name");
              assertThat(name).isNotNull();
              assertThat(String.valueOf(name.get("value"))).startsWith("KI-generiert – Yapay zekâ tarafından oluşturuldu");
            });
  }
}

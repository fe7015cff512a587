package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Axe;
import at.leoben.assistant.testsupport.BrowserTest;
import at.leoben.assistant.testsupport.OllamaStandIn.Behaviour;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Screenshots;
import at.leoben.assistant.testsupport.Questions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18 for first-time users: the warning before personal data leaves the browser, WCAG 2.2 on
 * top of 2.1 (target size, focus not hidden, consistent help, no redundant entry), read aloud with
 * on-device voices only, and the conversation to take along.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class WidgetHelpsBrowserTest extends BrowserTest {

  private static final String[] LANGUAGES = {"de", "en", "bs", "hr", "sr", "tr", "ro", "hu", "uk", "ar"};

  /** Records what the page sends: every POST the widget makes, by URL. */
  private static final String RECORD_POSTS =
      "window.posts = []; const original = window.fetch;"
          + "window.fetch = (url, options) => { if (options && options.method === 'POST') window.posts.push(String(url));"
          + " return original(url, options); };";

  /** A speech synthesis with one device voice and one cloud voice; what it speaks is recorded. */
  private static final String FAKE_SPEECH =
      "window.spoken = [];"
          + "const voices = arguments[0].split(',').flatMap(lang => [{name: 'Wolke', lang: lang + '-XX', localService: false, voiceURI: 'cloud'},"
          + " {name: 'Gerät', lang: lang + '-AT', localService: true, voiceURI: 'device'}]);"
          + "const fake = new EventTarget(); fake.getVoices = () => voices; fake.cancel = () => {};"
          + "fake.speak = (u) => window.spoken.push({text: u.text, voice: u.voice.voiceURI});"
          + "Object.defineProperty(window, 'speechSynthesis', {value: fake, configurable: true});"
          + "window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };";

  private void open(String query) {
    browser.get(url("/embed-test/page.html?" + query));
    until("return !!document.querySelector('#la-send') && document.querySelector('#la-log') !== null");
  }

  private void type(String text) {
    var input = waitFor("#la-input");
    input.clear();
    input.sendKeys(text);
    waitFor("#la-send").click();
  }

  private void askAndWait(String question) {
    int before = ((Number) js("return document.querySelectorAll('#la-log li.la-assistant').length")).intValue();
    type(question);
    until("const answers = document.querySelectorAll('#la-log li.la-assistant');"
        + " return answers.length > " + before + " && !answers[answers.length - 1].hasAttribute('aria-busy')"
        + " && answers[answers.length - 1].querySelector('.la-text').textContent.length > 0");
  }

  private void until(String script) {
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> Boolean.TRUE.equals(js(script)));
  }

  private String text(String css) {
    return (String) js("const n = document.querySelector(arguments[0]); return n ? n.textContent : null;".replace("arguments[0]", "'" + css + "'"));
  }

  @Test
  void personalDataInADraftIsCaughtBeforeAnythingIsSent() {
    ollama.behave(Behaviour.answer("Das Bürgerservice hat montags bis freitags von 8 bis 12 Uhr geöffnet [1]."));
    open("position=inline&lang=de");
    js(RECORD_POSTS);

    type("Meine E-Mail ist max.muster@gmx.at, wo gebe ich eine Fundsache ab?");
    until("return !!document.querySelector('#la-pii')");
    assertThat(text("#la-pii-text")).startsWith("Ihre Nachricht enthält offenbar persönliche Daten: E-Mail-Adresse.");
    assertThat(js("return document.activeElement.id")).isEqualTo("la-pii-remove");
    assertThat(js("return document.querySelector('#la-pii').getAttribute('role')")).isEqualTo("alert");
    // Nothing has left the browser: no request from the page, none at the service's model.
    assertThat(js("return window.posts")).asList().isEmpty();
    assertThat(ollama.chatRequestCount()).isZero();
    assertThat(browser.findElements(By.cssSelector("#la-log li"))).isEmpty();

    // "Angaben entfernen": the draft stays, without the address, for the citizen to send.
    waitFor("#la-pii-remove").click();
    until("return !document.querySelector('#la-pii')");
    assertThat(js("return document.querySelector('#la-input').value"))
        .isEqualTo("Meine E-Mail ist, wo gebe ich eine Fundsache ab?");
    assertThat(js("return document.activeElement.id")).isEqualTo("la-input");
    assertThat(js("return window.posts")).asList().isEmpty();

    // "Trotzdem senden": it goes, and the service redacts it as it does every message.
    type(Questions.unique("Mein Handy: 0664 1234567. Wo gebe ich eine Fundsache ab?"));
    until("return !!document.querySelector('#la-pii')");
    assertThat(text("#la-pii-text")).contains("Telefonnummer");
    assertThat(js("return window.posts")).asList().isEmpty();
    waitFor("#la-pii-send").click();
    until("return document.querySelectorAll('#la-log li.la-assistant .la-feedback').length === 1");
    assertThat(js("return window.posts")).asList().anySatisfy(url -> assertThat((String) url).endsWith("/api/v1/chat/stream"));
    assertThat(ollama.chatRequestCount()).isEqualTo(1);
    assertThat(ollama.chatRequests().get(0).toString()).doesNotContain("1234567").contains("[TELEFON]");

    // Not typed twice (WCAG 3.3.7): the hand-over form offers the number the citizen already gave.
    waitFor("#la-human").click();
    waitFor("#la-handover").click();
    waitFor("#la-way-phone").click();
    assertThat(js("return document.querySelector('#la-contact-phone').value")).isEqualTo("0664 1234567");
    // The e-mail address taken out of the first draft, too: kept in the page's memory, never stored.
    assertThat(js("return document.querySelector('#la-contact-email').value")).isEqualTo("max.muster@gmx.at");
    assertThat((String) js("return JSON.stringify(sessionStorage)")).doesNotContain("max.muster").doesNotContain("1234567");
  }

  /** Drafts with personal data and the kinds the warning names; drafts without it go out at once. */
  @Test
  void theWarningNamesWhatItFoundAndLetsOrdinaryQuestionsPass() {
    ollama.behave(Behaviour.answer("Das Bürgerservice hilft Ihnen gerne [1]."));
    open("position=inline&lang=de");
    js(RECORD_POSTS);
    String[][] personal = {
      {"Meine IBAN ist AT61 1904 3002 3457 3201, wann kommt das Geld?", "IBAN (Kontonummer)"},
      {"Meine SV-Nummer 1237 010180 – brauche ich die für den Antrag?", "Sozialversicherungsnummer"},
      {"Ich wohne in der Kärntner Straße 12/3, 8700 Leoben. Wann ist Müllabfuhr?", "Adresse"},
      {"Bitte rufen Sie +43 664 1234567 zurück", "Telefonnummer"},
      {"Schreiben Sie an max (at) gmx.at oder 0676/5554433", "E-Mail-Adresse, Telefonnummer"},
    };
    for (String[] draft : personal) {
      type(draft[0]);
      until("return !!document.querySelector('#la-pii')");
      assertThat(text("#la-pii-text")).as(draft[0]).startsWith("Ihre Nachricht enthält offenbar persönliche Daten: " + draft[1] + ".");
    }
    assertThat(js("return window.posts")).asList().isEmpty();
    String[] ordinary = {
      "Wann wird in der Kärntner Straße gekehrt?",
      "Ist buergerservice@leoben.at die richtige Adresse für meinen Antrag?",
      "Ich habe am 01.02.2024 den Antrag 0815/2024 gestellt. Wie lange dauert es?",
      "Wie viel kostet ein Parkplatz 3 Stunden lang?",
    };
    for (int i = 0; i < ordinary.length; i++) {
      type(ordinary[i]);
      int sent = i + 1;
      until("return window.posts.length === " + sent + " && document.querySelector('#la-stop').hidden");
      assertThat(browser.findElements(By.id("la-pii"))).as(ordinary[i]).isEmpty();
    }
  }

  @Test
  void theWarningSpeaksTheCitizensLanguage() throws IOException {
    open("position=inline&lang=tr");
    until("return document.querySelector('#la-send').textContent === 'Gönder'");
    js(RECORD_POSTS);
    type("Köpeğimi nereye kaydettirebilirim? Adresim Hauptstraße 12, 8700 Leoben, e-postam ayse@example.com");
    until("return !!document.querySelector('#la-pii')");
    assertThat(text("#la-pii-text"))
        .startsWith("Mesajınız kişisel veriler içeriyor gibi görünüyor: adres, e-posta adresi.");
    assertThat(text("#la-pii-remove")).isEqualTo("Bilgileri kaldır");
    assertThat(text("#la-pii-send")).isEqualTo("Yine de gönder");
    assertThat(js("return window.posts")).asList().isEmpty();
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    Screenshots.keepWidget(browser, "pii-warning");

    // Sent anyway, then handed over: the form in Turkish, the address already there.
    ollama.behave(Behaviour.answer("Köpeğinizi Belediye Binası'nda kaydettirebilirsiniz [1]."));
    waitFor("#la-pii-send").click();
    until("return document.querySelectorAll('#la-log li.la-assistant .la-feedback').length === 1");
    waitFor("#la-human").click();
    waitFor("#la-handover").click();
    assertThat(waitFor("#la-handover-title").getText()).isEqualTo("Talebinizi belediyeye iletin");
    assertThat(waitFor("label[for=la-consent]").getText()).startsWith("Leoben Belediyesi'nin talebimi yanıtlamak için");
    assertThat(js("return document.querySelector('#la-contact-email').value")).isEqualTo("ayse@example.com");
    assertThat(Axe.seriousViolations(browser)).isEmpty();
  }

  @Test
  void readAloudUsesOnlyTheDevicesOwnVoicesAndSaysTheLabel() {
    ollama.behave(Behaviour.answer("Fundsachen geben Sie im Fundamt im Rathaus ab [1]."));
    open("position=inline&lang=de");

    // Headless Chromium has no voice on the device: no button.
    askAndWait(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    assertThat(js("return document.querySelector('#la-log li.la-assistant .la-read').hidden")).isEqualTo(true);

    browser.executeScript(FAKE_SPEECH, "de");
    askAndWait(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    var button = browser.findElements(By.cssSelector("#la-log li.la-assistant .la-read")).get(1);
    assertThat(button.isDisplayed()).isTrue();
    assertThat(button.getText()).isEqualTo("Vorlesen");
    button.click();
    @SuppressWarnings("unchecked")
    List<java.util.Map<String, String>> spoken = (List<java.util.Map<String, String>>) js("return window.spoken");
    assertThat(spoken).hasSize(1);
    assertThat(spoken.get(0).get("voice")).isEqualTo("device");
    assertThat(spoken.get(0).get("text"))
        .startsWith("KI-generiert – Diese Antwort wurde von einem KI-System erstellt und kann Fehler enthalten.: ")
        .endsWith("Fundsachen geben Sie im Fundamt im Rathaus ab [1].");
  }

  @Test
  void theCitizenTakesTheirConversationAlong() throws IOException {
    ollama.behave(Behaviour.answer("Fundsachen geben Sie im Fundamt im Rathaus ab [1]."));
    open("position=inline&lang=de");
    assertThat(js("return document.querySelector('#la-download').hidden")).isEqualTo(true);
    askAndWait(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    until("return !document.querySelector('#la-download').hidden");
    assertThat(text("#la-download")).isEqualTo("Unterhaltung herunterladen");

    js("window.saved = []; const create = URL.createObjectURL;"
        + "URL.createObjectURL = (blob) => { window.blob = blob; return create.call(URL, blob); };"
        + "HTMLAnchorElement.prototype.click = function () { window.saved.push(this.download); };");
    waitFor("#la-download").click();
    until("return window.saved.length === 1");
    assertThat((String) js("return window.saved[0]")).matches("unterhaltung-[0-9a-f-]{36}\\.json");
    String file = (String) browser.executeAsyncScript("const done = arguments[0]; window.blob.text().then(done);");
    JsonNode transcript = new ObjectMapper().readTree(file);
    JsonNode answer = transcript.path("messages").get(1);
    assertThat(transcript.path("messages").get(0).path("text").asText()).startsWith("Wo gebe ich eine Fundsache ab?");
    assertThat(answer.path("text").asText()).isEqualTo("Fundsachen geben Sie im Fundamt im Rathaus ab [1].");
    assertThat(answer.path("disclosure").path("label").asText()).isEqualTo("KI-generiert");
    assertThat(answer.path("disclosure").path("responsible").path("name").asText()).isEqualTo("Mag. Erika Muster");
    assertThat(answer.path("sources")).isNotEmpty();
    assertThat(answer.path("createdAt").asText()).isNotBlank();
  }

  /** Every visible control of the widget smaller than 24 × 24 px, with its size. */
  @SuppressWarnings("unchecked")
  private List<String> smallControls() {
    return (List<String>)
        js("return [...document.querySelectorAll('leoben-assistant button, leoben-assistant select, leoben-assistant input,"
            + " leoben-assistant textarea, leoben-assistant a[href]')]"
            + ".filter(n => n.getClientRects().length > 0)"
            + ".map(n => [n, n.getBoundingClientRect()]).filter(([n, r]) => r.width < 24 || r.height < 24)"
            + ".map(([n, r]) => (n.id || n.className || n.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));");
  }

  private int controlCount() {
    return ((Number) js("return [...document.querySelectorAll('leoben-assistant button, leoben-assistant select, leoben-assistant input,"
        + " leoben-assistant a[href]')].filter(n => n.getClientRects().length > 0).length")).intValue();
  }

  @Test
  void everyControlIsAtLeast24PixelsAndAxeFindsNothingSeriousInEveryLanguage() {
    ollama.behave(Behaviour.answer("Fundsachen geben Sie im Fundamt im Rathaus ab [1]."));
    List<String> problems = new ArrayList<>();
    for (String language : LANGUAGES) {
      browser.get(url("/embed-test/page.html?position=bottom-right&lang=" + language));
      until("return document.querySelector('leoben-assistant').getAttribute('lang') === '" + language + "'"
          + " && !!document.querySelector('#la-launcher')");
      waitFor("#la-launcher").click();
      browser.executeScript(FAKE_SPEECH, String.join(",", LANGUAGES));
      askAndWait(Questions.unique("Wo gebe ich eine Fundsache ab?"));
      // The thumbs-down form, the warning and the hand-over form: all their controls count too.
      waitFor("#la-log .la-down").click();
      type("Rufen Sie mich unter 0664 1234567 an");
      until("return !!document.querySelector('#la-pii')");
      waitFor("#la-human").click();
      waitFor("#la-handover").click();
      waitFor("#la-way-email").click();
      until("return !!document.querySelector('.la-read:not([hidden])') && !document.querySelector('#la-download').hidden");
      assertThat(controlCount()).as(language).isGreaterThan(20);
      smallControls().forEach(control -> problems.add(language + ": " + control));
      Axe.seriousViolations(browser).forEach(violation -> problems.add(language + ": " + violation));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theFocusIsNeverHiddenUnderTheFloatingWidget() {
    browser.get(url("/embed-test/long.html?position=bottom-right&lang=de"));
    waitFor("#la-launcher").click();
    until("return document.activeElement.id === 'la-title'");
    Actions keys = new Actions(browser);
    List<String> hidden = new ArrayList<>();
    // Backwards out of the open panel through all the page's links, the last of them right under it.
    for (int i = 30; i >= 1; i--) {
      keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      assertThat(js("return document.activeElement.id")).isEqualTo("l" + i);
      if (js(COVERED) instanceof String where) {
        hidden.add("l" + i + " " + where);
      }
    }
    // And forwards again into the widget.
    for (int i = 2; i <= 30; i++) {
      keys.sendKeys(Keys.TAB).perform();
      if (js(COVERED) instanceof String where) {
        hidden.add("l" + i + " (forwards) " + where);
      }
    }
    assertThat(hidden).isEmpty();
    keys.sendKeys(Keys.TAB).perform();
    assertThat(js("return document.querySelector('leoben-assistant').contains(document.activeElement)")).isEqualTo(true);
  }

  /** Where the focused element is (partly) under a visible part of the widget or outside the window, else null. */
  private static final String COVERED =
      "const a = document.activeElement.getBoundingClientRect();"
          + "const at = ' at ' + JSON.stringify(a) + ' window ' + window.innerHeight + ' scrolled ' + window.scrollY;"
          + "if (a.top < -1 || a.bottom > window.innerHeight + 1) return 'outside the window' + at;"
          + "const w = document.querySelector('leoben-assistant');"
          + "const over = ['#la-launcher', '#la-panel', '#la-notice'].map(s => w.querySelector(s))"
          + ".filter(n => n && n.getClientRects().length > 0)"
          + ".filter(n => { const b = n.getBoundingClientRect(); return b.left < a.right && a.left < b.right && b.top < a.bottom && a.top < b.bottom; });"
          + "return over.length ? 'under ' + over.map(n => n.id + JSON.stringify(n.getBoundingClientRect())).join(', ') + at : null;";

  /** "Mit einem Menschen sprechen" stays right below the question field, whatever else is showing. */
  private void humanRightBelowTheForm(String state) {
    assertThat(js("const human = document.querySelector('#la-human');"
            + "return human.getClientRects().length > 0 && document.querySelector('.la-form').nextElementSibling === human"))
        .as(state)
        .isEqualTo(true);
  }

  @Test
  void talkingToAPersonIsInTheSamePlaceInEveryState() {
    ollama.behave(Behaviour.answer("Fundsachen geben Sie im Fundamt im Rathaus ab [1]."));
    open("position=inline&lang=de");
    until("return !!document.querySelector('#la-starters')");
    humanRightBelowTheForm("with starter questions");
    askAndWait(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    humanRightBelowTheForm("after an answer");
    type("Schreiben Sie an max.muster@gmx.at");
    until("return !!document.querySelector('#la-pii')");
    humanRightBelowTheForm("with the personal-data warning");
    waitFor("#la-human").click();
    waitFor("#la-handover").click();
    humanRightBelowTheForm("with the channels and the hand-over form");
    new org.openqa.selenium.support.ui.Select(waitFor("#la-languages")).selectByValue("ar");
    until("return document.querySelector('leoben-assistant').getAttribute('dir') === 'rtl'");
    humanRightBelowTheForm("in Arabic");

    // Focus order: question, send, person, erase, download.
    waitFor("#la-input").click();
    Actions keys = new Actions(browser);
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      keys.sendKeys(Keys.TAB).perform();
      order.add((String) js("return document.activeElement.id"));
    }
    assertThat(order).containsExactly("la-send", "la-human", "la-erase", "la-download");
  }
}

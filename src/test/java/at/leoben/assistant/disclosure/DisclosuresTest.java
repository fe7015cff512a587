package at.leoben.assistant.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.leoben.assistant.i18n.Language;
import at.leoben.assistant.i18n.Texts;
import at.leoben.assistant.llm.ModelEvent;
import at.leoben.assistant.llm.ModelOutput;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The KI-generiert label and the machine-readable AI-Disclosure header. */
class DisclosuresTest {

  private static final String MODEL = "llama3.1:8b";
  private static final String PROVIDER = "Stadtgemeinde Leoben (lokal betriebenes Ollama)";
  // 2026-03-09T08:15:30Z is epoch second 1773044130; the fraction must not leak into the label.
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T08:15:30.750Z"), ZoneOffset.UTC);
  private static final Responsible RESPONSIBLE =
      new Responsible("Mag. Erika Muster", "Leiterin Bürgerservice", "buergerservice@leoben.at");
  private static final Texts TEXTS = new Texts(new SmallRyeConfigBuilder().build());

  // RFC 9651: sf-string = DQUOTE *( unescaped / "%x5C" escaped ) DQUOTE, printable ASCII only.
  private static final Pattern SF_STRING = Pattern.compile("\"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\"\\\\])*\"");
  private static final Pattern SF_KEY = Pattern.compile("[a-z*][a-z0-9_\\-.*]*");
  private static final Pattern SF_TOKEN = Pattern.compile("[A-Za-z*][!#$%&'*+\\-.^_`|~0-9A-Za-z:/]*");
  private static final Pattern SF_DATE = Pattern.compile("@-?[0-9]{1,15}");

  private static Disclosures disclosures(String provider) {
    DisclosureConfig config = () -> provider;
    return new Disclosures(RESPONSIBLE, config, TEXTS, CLOCK);
  }

  @Test
  void headerIsTheExactDictionaryOfTheDraft() {
    Disclosures disclosures = disclosures(PROVIDER);
    String header = disclosures.header(disclosures.forModel(MODEL, Language.DE));
    assertEquals(
        "mode=ai-originated, model=\"llama3.1:8b\", provider=\"Stadtgemeinde Leoben (lokal betriebenes Ollama)\","
            + " date=@1773044130",
        header);
    Map<String, String> members = parseDictionary(header);
    assertEquals(Map.of("mode", "ai-originated", "model", "\"llama3.1:8b\"", "provider", "\"" + PROVIDER + "\"",
        "date", "@1773044130"), members);
  }

  @Test
  void headerStaysAValidDictionaryWithAwkwardProviderAndModelNames() {
    Disclosures disclosures = disclosures("Stadt \"Leoben\", Abt. Bürgerservice \\ IT – Süd");
    Disclosure disclosure = disclosures.restore(provenance("leoben/assistent:v1, \"neu\"", RESPONSIBLE, Instant.EPOCH), Language.DE);
    Map<String, String> members = parseDictionary(disclosures.header(disclosure));
    assertEquals(List.of("mode", "model", "provider", "date"), List.copyOf(members.keySet()));
    assertEquals("\"Stadt \\\"Leoben\\\", Abt. Buergerservice \\\\ IT  Sued\"", members.get("provider"));
    assertEquals("\"leoben/assistent:v1, \\\"neu\\\"\"", members.get("model"));
    assertEquals("@0", members.get("date"));
  }

  @Test
  void headerCarriesTheModelAndTimeOfTheAnswerItLabels() {
    Disclosures disclosures = disclosures(PROVIDER);
    Instant then = Instant.parse("2025-11-26T09:40:00Z");
    Disclosure earlier = disclosures.restore(provenance("mistral:7b", RESPONSIBLE, then), Language.EN);
    Map<String, String> members = parseDictionary(disclosures.header(earlier));
    assertEquals("\"mistral:7b\"", members.get("model"));
    assertEquals("@" + 1764150000L, members.get("date"));
  }

  @Test
  void freshDisclosureIsLabelledWithModelResponsibleAndSecondPreciseTime() {
    Disclosure disclosure = disclosures(PROVIDER).forModel(MODEL, Language.DE);
    assertEquals("KI-generiert", disclosure.label());
    assertEquals(MODEL, disclosure.model());
    assertEquals(RESPONSIBLE, disclosure.responsible());
    assertEquals(Instant.parse("2026-03-09T08:15:30Z"), disclosure.generatedAt());
  }

  @Test
  void germanTextNamesTheResponsiblePersonAndRole() {
    String text = disclosures(PROVIDER).forModel(MODEL, Language.DE).text();
    assertTrue(text.contains("KI-System"), text);
    assertTrue(text.contains("Verantwortlich ist Mag. Erika Muster (Leiterin Bürgerservice)"), text);
  }

  @Test
  void englishTextNamesTheResponsiblePersonAndRole() {
    String english = disclosures(PROVIDER).forModel(MODEL, Language.EN).text();
    assertTrue(english.contains("AI system"), english);
    assertTrue(english.contains("Responsible: Mag. Erika Muster (Leiterin Bürgerservice)"), english);
    assertNotEquals(disclosures(PROVIDER).forModel(MODEL, Language.DE).text(), english);
  }

  @Test
  void restoredDisclosureNamesWhoWasResponsibleThen() {
    Responsible before = new Responsible("DI Max Beispiel", "Digital.Team", "digital@leoben.at");
    Instant then = Instant.parse("2025-06-01T12:00:00Z");
    Disclosure restored = disclosures(PROVIDER).restore(provenance("mistral:7b", before, then), Language.DE);
    assertEquals(then, restored.generatedAt());
    assertEquals(before, restored.responsible());
    assertTrue(restored.text().contains("DI Max Beispiel (Digital.Team)"), restored.text());
  }

  @Test
  void disclosingModelOutputKeepsTextAndDisclosureTogether() {
    Disclosures disclosures = disclosures(PROVIDER);
    Disclosure disclosure = disclosures.forModel(MODEL, Language.DE);
    ModelOutput output = new ModelOutput("Das Rathaus hat heute offen.", MODEL, "system-v1", 120, 9, Duration.ofMillis(840));
    DisclosedAnswer answer = disclosures.disclose(output, disclosure);
    assertEquals("Das Rathaus hat heute offen.", answer.text());
    assertEquals(disclosure, answer.disclosure());
    assertEquals(new DisclosedAnswer.Usage("system-v1", 120, 9, 840), answer.usage());

    DisclosedDelta delta = disclosures.disclose(new ModelEvent.Token("Das "), disclosure);
    assertEquals("Das ", delta.text());
    assertEquals(disclosure, delta.disclosure());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Bürgerservice | \"Buergerservice\"",
        "ÄRGER Öl Übel Straße | \"AeRGER Oel Uebel Strasse\"",
        "Café Crème | \"Cafe Creme\"",
        "say \"hi\" | \"say \\\"hi\\\"\"",
        "C:\\Ollama | \"C:\\\\Ollama\"",
        "Leoben – 8700 | \"Leoben  8700\"",
      })
  void sfStringTransliteratesAndEscapes(String value, String expected) {
    assertEquals(expected, Disclosures.sfString(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bürgerservice",
        "\"\\\"\\",
        "Zeile 1\nZeile 2\tTab\u0000\u007F",
        "Emoji 😀 und ¿Qué? ½ €",
        "",
      })
  void sfStringIsAlwaysAValidRfc9651String(String value) {
    String sf = Disclosures.sfString(value);
    assertTrue(SF_STRING.matcher(sf).matches(), sf);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AI-generated", "ki-generiert", "KI generiert", ""})
  void disclosureRefusesAnyOtherLabel(String label) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Disclosure(label, "text", MODEL, RESPONSIBLE, Instant.EPOCH, null));
  }

  @Test
  void disclosureRefusesMissingLabelResponsibleOrModel() {
    assertThrows(IllegalArgumentException.class, () -> new Disclosure(null, "text", MODEL, RESPONSIBLE, Instant.EPOCH, null));
    assertThrows(NullPointerException.class, () -> new Disclosure(Disclosure.LABEL, "text", MODEL, null, Instant.EPOCH, null));
    assertThrows(NullPointerException.class, () -> new Disclosure(Disclosure.LABEL, "text", null, RESPONSIBLE, Instant.EPOCH, null));
  }

  @Test
  void disclosedAnswerAndDeltaRefuseAMissingDisclosure() {
    DisclosedAnswer.Usage usage = new DisclosedAnswer.Usage("system-v1", 1, 1, 1);
    assertThrows(NullPointerException.class, () -> new DisclosedAnswer("Antwort", null, usage));
    assertThrows(NullPointerException.class, () -> new DisclosedDelta("Ant", null));
  }

  /**
   * A small RFC 9651 dictionary reader for the members this header uses (token, sf-string, date),
   * strict enough to reject what a client library would reject. Keeps member order.
   */
  private static Map<String, String> parseDictionary(String header) {
    Map<String, String> members = new LinkedHashMap<>();
    int i = 0;
    while (true) {
      int eq = header.indexOf('=', i);
      assertTrue(eq > i, "member without value at " + i + ": " + header);
      String key = header.substring(i, eq);
      assertTrue(SF_KEY.matcher(key).matches(), "bad key '" + key + "' in " + header);
      int end = eq + 1;
      if (end < header.length() && header.charAt(end) == '"') {
        end++;
        while (end < header.length() && header.charAt(end) != '"') {
          end += header.charAt(end) == '\\' ? 2 : 1;
        }
        end++; // closing quote
      } else {
        while (end < header.length() && header.charAt(end) != ',') {
          end++;
        }
      }
      assertTrue(end <= header.length(), "unterminated string in " + header);
      String value = header.substring(eq + 1, end);
      assertTrue(
          SF_STRING.matcher(value).matches() || SF_TOKEN.matcher(value).matches() || SF_DATE.matcher(value).matches(),
          "bad value " + value + " for " + key);
      assertTrue(members.put(key, value) == null, "duplicate key " + key);
      if (end == header.length()) {
        break;
      }
      // Members are separated by "," and optional spaces (RFC 9651 OWS; none before the comma here).
      assertEquals(',', header.charAt(end), "garbage after " + key + " in " + header);
      i = end + 1;
      while (i < header.length() && header.charAt(i) == ' ') {
        i++;
      }
      assertTrue(i < header.length(), "trailing comma in " + header);
    }
    assertTrue(SF_DATE.matcher(members.getOrDefault("date", "")).matches(), "date is @<seconds>: " + header);
    return members;
  }

  private static Provenance provenance(String model, Responsible responsible, Instant generatedAt) {
    return new Provenance(model, responsible.name(), responsible.role(), responsible.contact(), generatedAt);
  }
}

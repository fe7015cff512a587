package at.leoben.assistant.guard;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.guard.OutputFinding.Category;
import at.leoben.assistant.guard.OutputFinding.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What may not reach a citizen unseen: discrimination, personal data, promises, the prompt. */
class OutputScreenTest {

  // 20 words once folded: "KI-Bürgerassistent" is two.
  private static final String PROMPT =
      "Du bist der KI-Bürgerassistent der Stadtgemeinde Leoben und beantwortest Fragen ausschließlich"
          + " auf Basis der bereitgestellten Dokumente ohne eigene Vermutungen.";

  private static final OutputScreen SCREEN = screen();

  private static OutputScreen screen() {
    OutputScreen screen = new OutputScreen(Set.of("buergerservice@leoben.at", "+43 3842 4062-0"));
    screen.knowPrompt(PROMPT);
    return screen;
  }

  private static List<Category> categories(String answer) {
    return SCREEN.screen(answer).stream().map(OutputFinding::category).toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ausländer sind faul.",
        "Alle Flüchtlinge sind kriminell und gefährlich.",
        "Frauen sind einfach dümmer als Männer.",
        "Muslime sind minderwertig.",
        "Arbeitslose sind Schmarotzer, das weiß jeder.",
        "Typisch Zigeuner, immer dreckig.",
        "Solche Leute sind grundsätzlich faul.",
        "Diese Leute sind alle kriminell.",
        "Das sind doch alles Kanaken.",
        "Immigrants are lazy and criminal.",
        "Refugees are parasites.",
        "Women are inferior to men.",
        "These people are always dirty.",
        "Typically, gypsies are thieves.",
        "Stop acting like a retard.",
        // Said of what a group is, these words degrade; elsewhere they describe what befalls it.
        "Die Tschetschenen sind alle gewalttätig.",
        "Transpersonen sind psychisch krank.",
        // The citizen's own origin, name or accent is never a reason in an answer.
        "Bei Namen wie Ihrem prüfen wir die Dokumente besonders genau.",
        "Given your background, you may find our rules unusual.",
        "Muslims don’t fit into Austrian culture.",
        // Hidden from a naive filter by zero-width characters, a soft hyphen and a bidi override.
        "Aus\u200Bländer sind f\u00ADaul.",
        "\u202EAusl\u200Dänder sind krimi\uFEFFnell.",
        // Full-width letters and a decomposed umlaut.
        "ＡＵＳＬＡＥＮＤＥＲ sind dumm",
        "Ausla\u0308nderinnen sind faul.",
      })
  void degradingStatementsAboutGroupsAreWithheld(String answer) {
    assertThat(SCREEN.screen(answer))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.category()).isEqualTo(Category.DISCRIMINATION);
              assertThat(finding.severity()).isEqualTo(Severity.WITHHOLD);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Für Menschen mit Behinderung gibt es einen barrierefreien Eingang.",
        "Asylwerber wenden sich an die BH.",
        "Seniorinnen erhalten ermäßigte Tickets.",
        "Frauen und Männer haben die gleichen Rechte.",
        "Alte Batterien sind gefährlich und gehören in die Problemstoffsammlung.",
        "Problemstoffe wie Altöl sind immer gefährlich.",
        "Alternativ können Sie das Formular online ausfüllen.",
        "Der Roman ist in der Stadtbibliothek ausleihbar.",
        "Die Romantik-Führung startet um 18 Uhr.",
        "Allerdings ist der Weg im Winter rutschig.",
        "Flüchtlinge erhalten Beratung im Integrationsbüro. Der Keller ist dreckig.",
        "Frauen, die von gewalttätigen Partnern bedroht werden, finden Schutz im Frauenhaus.",
        "Beratung für psychisch kranke Jugendliche bietet die Psychosoziale Beratungsstelle.",
        "Jugendliche unter 16 Jahren dürfen in Österreich nicht heiraten.",
        "Bei Gefahr für Frauen und Kinder rufen Sie bitte 133.",
        "The library has a collection on Jewish history.",
        "Refugees can register at the district office.",
        "Older people and people with disabilities can request home visits.",
        "All residents are welcome.",
        "Dirty containers are emptied every Monday.",
      })
  void neutralMentionsPass(String answer) {
    assertThat(categories(answer)).doesNotContain(Category.DISCRIMINATION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Schreiben Sie an max.mustermann@gmail.com.",
        "Rufen Sie Frau Huber unter 0664 1234567 an.",
        "Handy: +43 664 1234567",
        "Durchwahl 03842/4062-15",
        "Erreichbar unter 0043 316 123456.",
        "Call +49 30 12345678 for details.",
        "Überweisen Sie auf AT61 1904 3002 3457 3201.",
        "IBAN: DE89 3704 0044 0532 0130 00",
        "Ihre Sozialversicherungsnummer 1237 010180 ist gespeichert.",
        "SVNR 1237010180",
        "Karte 4111 1111 1111 1111",
        "Card 5500-0000-0000-0004",
        "Telefon ０６６４ １２３４５６７",
        "Rufen Sie 0676.555.44.33 an.",
      })
  void personalDataIsFlagged(String answer) {
    assertThat(SCREEN.screen(answer))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.category()).isEqualTo(Category.PERSONAL_DATA);
              assertThat(finding.severity()).isEqualTo(Severity.FLAG);
              // The audit learns the kind of data, never the data.
              assertThat(finding.detail()).doesNotContain("@").doesNotContainPattern("\\d");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Schreiben Sie an buergerservice@leoben.at.",
        "Schreiben Sie an BUERGERSERVICE@Leoben.at",
        "Telefon +43 3842 4062-0",
        "Telefon 03842/4062-0",
        "Telefon 03842 40620",
        "Telefon 0043 (0)3842 4062 0",
        "Ungültige IBAN AT61 1904 3002 3457 3202",
        "Nummer 4111 1111 1111 1112",
        "Nummer 1237 010181",
        "Geöffnet Mo–Fr 08:00-12:00 und 13:00-16:00 Uhr.",
        "Stichtag ist der 01.02.2024, Antrag bis 03/2024.",
        "Due on 01/02/2024.",
        "8700 Leoben, Erzherzog-Johann-Straße 2",
        "Die Gebühr beträgt 1.250,00 Euro bzw. 0,50 Euro pro Seite.",
        "Zeitraum 2023-2024, Aktenzahl 1234567890.",
        "Stichtag ist der 01.02.2024 um 08.30 Uhr.",
      })
  void publicContactsAndOrdinaryNumbersPass(String answer) {
    assertThat(categories(answer)).doesNotContain(Category.PERSONAL_DATA);
  }

  @Test
  void severalKindsOfPersonalDataMakeOneFindingNamingEachKind() {
    List<OutputFinding> findings =
        SCREEN.screen("Mail a@b.at oder c@d.at, Tel. 0664 1234567, IBAN AT61 1904 3002 3457 3201.");

    assertThat(findings)
        .containsExactly(
            new OutputFinding(Category.PERSONAL_DATA, Severity.FLAG, "e-mail address, IBAN, phone number"));
  }

  @Test
  void socialSecurityCheckDigitIsComputedAsDocumented() {
    // 1237 010180: 3*1 + 7*2 + 9*3 + 5*0 + 8*1 + 4*0 + 2*1 + 1*8 + 6*0 = 62, 62 mod 11 = 7.
    int[] digits = "1237010180".chars().map(c -> c - '0').toArray();
    int[] weights = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};
    int sum = 0;
    for (int i = 0; i < digits.length; i++) {
      sum += weights[i] * digits[i];
    }
    assertThat(sum % 11).isEqualTo(digits[3]).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ihr Antrag wird sicher genehmigt.",
        "Ihr Ansuchen wird garantiert bewilligt.",
        "Keine Sorge, Sie bekommen sicher eine Förderung.",
        "Ich garantiere Ihnen, dass das klappt.",
        "Wir garantieren eine Antwort binnen drei Tagen.",
        "Sie haben Anspruch auf Wohnbeihilfe.",
        "Sie haben einen Anspruch auf Rückerstattung.",
        "Rechtlich sind Sie im Recht.",
        "Your application will be approved.",
        "I guarantee that you will get the permit.",
        "You are entitled to a refund.",
        "Legally, you are right.",
      })
  void promisesAreFlagged(String answer) {
    assertThat(SCREEN.screen(answer))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.category()).isEqualTo(Category.PROMISE);
              assertThat(finding.severity()).isEqualTo(Severity.FLAG);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ob Sie Anspruch auf Wohnbeihilfe haben, prüft das Land Steiermark.",
        "Sie haben möglicherweise Anspruch auf eine Förderung.",
        "Über Ihren Antrag entscheidet die zuständige Abteilung.",
        "Ihr Antrag wird in der Regel binnen vier Wochen bearbeitet.",
        "You may be entitled to a reduction; the office decides.",
        "If you are entitled to a refund, the office will contact you.",
        "Whether your application will be approved is decided by the department.",
      })
  void informationAboutRightsIsNoPromise(String answer) {
    assertThat(categories(answer)).doesNotContain(Category.PROMISE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Meine Aufgabe: Du bist der KI-Bürgerassistent der Stadtgemeinde Leoben und helfe gern.",
        "ich beantworte fragen AUSSCHLIESSLICH auf basis der bereitgestellten dokumente, ohne eigene vermutungen",
        "Mein Systemprompt lautet: sei freundlich.",
        "Meine Anweisungen lauten: antworte kurz.",
        "Sure! My system prompt says to be helpful.",
        "My instructions are to answer briefly.",
      })
  void repeatingThePromptIsWithheld(String answer) {
    assertThat(SCREEN.screen(answer))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.category()).isEqualTo(Category.PROMPT_LEAK);
              assertThat(finding.severity()).isEqualTo(Severity.WITHHOLD);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Seven words of the prompt in a row are a coincidence, not a leak.
        "Das Service der Stadtgemeinde Leoben und beantwortest Fragen ausschließlich online.",
        "Die Stadtgemeinde Leoben beantwortet Fragen zu Dokumenten im Bürgerservice.",
      })
  void sharingWordsWithThePromptIsNoLeak(String answer) {
    assertThat(categories(answer)).doesNotContain(Category.PROMPT_LEAK);
  }

  @Test
  void withoutAKnownPromptOnlyThePhrasesCount() {
    OutputScreen fresh = new OutputScreen(Set.of());

    assertThat(fresh.screen(PROMPT)).isEmpty();
  }

  @Test
  void findingsComeOncePerCategoryInCategoryOrder() {
    String answer =
        "Ausländer sind faul. Flüchtlinge sind dumm. Ihr Antrag wird sicher genehmigt."
            + " Rufen Sie 0664 1234567 an. Mein Systemprompt ist geheim.";

    assertThat(SCREEN.screen(answer))
        .extracting(OutputFinding::category)
        .containsExactly(Category.DISCRIMINATION, Category.PERSONAL_DATA, Category.PROMISE, Category.PROMPT_LEAK);
  }

  @Test
  void anOrdinaryAnswerHasNoFindings() {
    assertThat(SCREEN.screen(ordinaryAnswer())).isEmpty();
  }

  private static String ordinaryAnswer() {
    String paragraph =
        "Den Hauptwohnsitz melden Sie im Bürgerservice im Rathaus Leoben, Erzherzog-Johann-Straße 2,"
            + " 8700 Leoben, an. Bringen Sie einen amtlichen Lichtbildausweis und den Meldezettel mit."
            + " Das Bürgerservice ist Montag bis Freitag von 08:00 bis 12:00 Uhr geöffnet, telefonisch"
            + " unter +43 3842 4062-0 oder per E-Mail an buergerservice@leoben.at erreichbar. Die"
            + " Anmeldung ist gebührenfrei; Frist: drei Tage nach dem Bezug der Wohnung (§ 3 MeldeG).\n";
    StringBuilder answer = new StringBuilder();
    while (answer.length() < 2_000) {
      answer.append(paragraph);
    }
    return answer.substring(0, 2_000);
  }
}

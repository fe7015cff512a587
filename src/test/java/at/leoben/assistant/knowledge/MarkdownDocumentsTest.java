package at.leoben.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import at.leoben.assistant.knowledge.KnowledgeSource.Passage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Knowledge files are read strictly for their metadata and split, never rejected, for size. */
class MarkdownDocumentsTest {

  private static final String FILE = "hundeabgabe.md";
  private static final int MAX = 1200;

  private static final String FRONT_MATTER =
      """
      ---
      title: Hundeabgabe
      source: https://www.leoben.at/hundeabgabe
      owner: Finanzverwaltung
      updated: 2026-01-15
      ---
      """;

  private static KnowledgeSource parse(String markdown) {
    return parse(markdown, MAX);
  }

  private static KnowledgeSource parse(String markdown, int max) {
    return MarkdownDocuments.parse("hundeabgabe", FILE, markdown, max);
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.split("\\s+")).filter(word -> !word.isEmpty()).toList();
  }

  private static List<String> words(List<Passage> passages) {
    return words(passages.stream().map(Passage::text).collect(Collectors.joining(" ")));
  }

  @Test
  void readsAllKeys() {
    KnowledgeSource source =
        parse(
            """
            ---
            # Owner confirmed in January.
            title: Hundeabgabe in Leoben
            source: https://www.leoben.at/buergerservice/hundeabgabe

            owner: Finanzverwaltung
            valid-from: 2026-01-01
            updated: 2026-01-15
            keywords: Hund, Hundesteuer, , Abgabe ,
            ---

            # Hundeabgabe

            Wer in Leoben einen Hund hält, zahlt eine jährliche Abgabe.
            """);

    assertThat(source.slug()).isEqualTo("hundeabgabe");
    assertThat(source.title()).isEqualTo("Hundeabgabe in Leoben");
    assertThat(source.sourceUrl()).isEqualTo("https://www.leoben.at/buergerservice/hundeabgabe");
    assertThat(source.owner()).isEqualTo("Finanzverwaltung");
    assertThat(source.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(source.updated()).isEqualTo(LocalDate.of(2026, 1, 15));
    assertThat(source.keywords()).containsExactly("Hund", "Hundesteuer", "Abgabe");
    assertThat(source.body())
        .isEqualTo("# Hundeabgabe\n\nWer in Leoben einen Hund hält, zahlt eine jährliche Abgabe.");
    assertThat(source.unconfirmedFacts()).isZero();
    assertThat(source.passages())
        .containsExactly(
            new Passage(0, "Hundeabgabe", "Wer in Leoben einen Hund hält, zahlt eine jährliche Abgabe."));
  }

  @Test
  void optionalKeysMayBeLeftOut() {
    KnowledgeSource source = parse(FRONT_MATTER + "Text.\n");

    assertThat(source.validFrom()).isNull();
    assertThat(source.keywords()).isEmpty();
    assertThat(source.passages()).containsExactly(new Passage(0, null, "Text."));
  }

  @Test
  void quotedValuesLoseTheirQuotes() {
    KnowledgeSource source =
        parse(
            """
            ---
            title: "Hundeabgabe: Kosten"
            source: 'https://www.leoben.at/hundeabgabe'
            owner: "Finanzverwaltung"
            updated: "2026-01-15"
            keywords: 'Hund, Steuer'
            ---
            Text.
            """);

    assertThat(source.title()).isEqualTo("Hundeabgabe: Kosten");
    assertThat(source.sourceUrl()).isEqualTo("https://www.leoben.at/hundeabgabe");
    assertThat(source.owner()).isEqualTo("Finanzverwaltung");
    assertThat(source.updated()).isEqualTo(LocalDate.of(2026, 1, 15));
    assertThat(source.keywords()).containsExactly("Hund", "Steuer");
  }

  @Test
  void frontMatterIsYamlWithCommentsAndKeywordLists() {
    KnowledgeSource source =
        parse(
            """
            ---
            title: Hundeabgabe   # as on the city's page
            source: https://www.leoben.at/hundeabgabe
            owner: Finanzverwaltung
            valid-from: 2026-01-01          # optional
            updated: 2026-01-15
            keywords:
              - Hund
              - Hundesteuer, Abgabe
            ---
            Text.
            """);

    assertThat(source.title()).isEqualTo("Hundeabgabe");
    assertThat(source.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(source.keywords()).containsExactly("Hund", "Hundesteuer", "Abgabe");
  }

  @Test
  void adminInputBecomesFrontMatterThatReadsBackWhateverTheTitleHolds() {
    String title = "Hunde: \"Abgabe\" # 2026 \\ 'Chip' – [neu] {x} & *y*";
    DocumentInput input =
        new DocumentInput("hunde", title, "https://www.leoben.at/hunde", "Abgaben: Team", null, "2026-01-15",
            List.of("Hund", "Steuer: Hund"), "Text.", null);

    KnowledgeSource source = MarkdownDocuments.parse("hunde", "document", input.toMarkdown(), MAX);

    assertThat(source.title()).isEqualTo(title);
    assertThat(source.owner()).isEqualTo("Abgaben: Team");
    assertThat(source.keywords()).containsExactly("Hund", "Steuer: Hund");
    assertThat(source.body()).isEqualTo("Text.");
  }

  @Test
  void everyMissingKeyIsNamedAtOnce() {
    KnowledgeFormatException e =
        catchThrowableOfType(KnowledgeFormatException.class, () -> parse("---\nsource: https://www.leoben.at/\n---\nText.\n"));

    assertThat(e.reason())
        .isEqualTo("missing front matter key 'title'; missing front matter key 'owner'; missing front matter key 'updated'");
  }

  @Test
  void toleratesByteOrderMarkLeadingBlankLinesAndWindowsLineEndings() {
    String markdown = "\uFEFF\r\n\r\n" + FRONT_MATTER.replace("\n", "\r\n") + "Zeile eins\r\nZeile zwei\r\n";

    KnowledgeSource source = parse(markdown);

    assertThat(source.title()).isEqualTo("Hundeabgabe");
    assertThat(source.body()).isEqualTo("Zeile eins\nZeile zwei");
  }

  @Test
  void textIsNormalisedToComposedForm() {
    KnowledgeSource source = parse(FRONT_MATTER + "Gebu\u0308hr\n");

    assertThat(source.body()).isEqualTo("Geb\u00fchr");
    assertThat(source.passages().get(0).text()).isEqualTo("Geb\u00fchr");
  }

  @Test
  void markersAreCountedAndRemovedFromPassages() {
    KnowledgeSource source =
        parse(
            FRONT_MATTER
                + """
                Die Abgabe beträgt 60 Euro [[prüfen]].
                Für Wachhunde gilt [[ Pruefen ]] ein anderer Satz[[PRÜFEN]].
                [[prüfen]] Die Frist endet im März.
                """);

    assertThat(source.unconfirmedFacts()).isEqualTo(4);
    assertThat(source.body()).contains("60 Euro [[prüfen]].");
    assertThat(source.passages().get(0).text())
        .isEqualTo(
            """
            Die Abgabe beträgt 60 Euro.
            Für Wachhunde gilt ein anderer Satz.
            Die Frist endet im März.""");
  }

  @Test
  void markerInDecomposedFormIsCounted() {
    assertThat(parse(FRONT_MATTER + "60 Euro [[pru\u0308fen]].\n").unconfirmedFacts()).isEqualTo(1);
  }

  @Test
  void headingsBecomePassageHeadings() {
    KnowledgeSource source =
        parse(
            FRONT_MATTER
                + """
                Vorab ein Hinweis.

                # Hundeabgabe

                ## Wer zahlt?

                Jede Person, die einen Hund hält.

                ### Kosten ###

                - 60 Euro pro Hund
                - **Ermäßigung** für [Blindenhunde](https://www.leoben.at/blindenhunde)

                #### Ausnahmen
                Diensthunde sind __befreit__.

                ## Leer

                ## Kontakt
                Siehe [https://www.leoben.at](https://www.leoben.at).
                """);

    assertThat(source.passages())
        .containsExactly(
            new Passage(0, null, "Vorab ein Hinweis."),
            new Passage(1, "Wer zahlt?", "Jede Person, die einen Hund hält."),
            new Passage(
                2,
                "Kosten",
                """
                - 60 Euro pro Hund
                - Ermäßigung für Blindenhunde (https://www.leoben.at/blindenhunde)

                #### Ausnahmen
                Diensthunde sind befreit."""),
            new Passage(3, "Kontakt", "Siehe https://www.leoben.at."));
  }

  @Test
  void hashInsideFencedCodeIsNoHeading() {
    KnowledgeSource source = parse(FRONT_MATTER + "## Beispiel\n```\n# kein Titel\n```\n");

    assertThat(source.passages()).hasSize(1);
    assertThat(source.passages().get(0).heading()).isEqualTo("Beispiel");
    assertThat(source.passages().get(0).text()).contains("# kein Titel");
  }

  @Test
  void oversizedSectionIsSplitAtParagraphsWithoutLosingText() {
    String section =
        IntStream.range(0, 40)
            .mapToObj(i -> "Absatz " + i + " erklärt einen Schritt der Anmeldung. Er ist kurz genug.")
            .collect(Collectors.joining("\n\n"));

    KnowledgeSource source = parse(FRONT_MATTER + "## Anmeldung\n\n" + section + "\n", 300);

    assertThat(source.passages()).hasSizeGreaterThan(1);
    assertThat(source.passages()).allSatisfy(passage -> assertThat(passage.text().length()).isLessThanOrEqualTo(300));
    assertThat(source.passages()).allSatisfy(passage -> assertThat(passage.heading()).isEqualTo("Anmeldung"));
    // Cuts fall between paragraphs: every passage starts a paragraph and ends one.
    assertThat(source.passages())
        .allSatisfy(passage -> assertThat(passage.text()).startsWith("Absatz ").endsWith("kurz genug."));
    assertThat(source.passages()).extracting(Passage::position).containsExactlyElementsOf(
        IntStream.range(0, source.passages().size()).boxed().toList());
    assertThat(words(source.passages())).isEqualTo(words(section));
  }

  @Test
  void longParagraphIsSplitAtSentenceEnds() {
    String paragraph =
        IntStream.range(0, 30)
            .mapToObj(i -> "Satz " + i + " beschreibt eine Voraussetzung für den Antrag.")
            .collect(Collectors.joining(" "));

    KnowledgeSource source = parse(FRONT_MATTER + paragraph + "\n", 200);

    assertThat(source.passages()).hasSizeGreaterThan(1);
    assertThat(source.passages())
        .allSatisfy(
            passage -> {
              assertThat(passage.text().length()).isLessThanOrEqualTo(200);
              assertThat(passage.text()).startsWith("Satz ").endsWith("Antrag.");
            });
    assertThat(words(source.passages())).isEqualTo(words(paragraph));
  }

  @Test
  void paragraphWithoutSentenceEndsIsSplitAtSpaces() {
    StringBuilder paragraph = new StringBuilder();
    for (int i = 0; paragraph.length() < 5_000; i++) {
      paragraph.append("wort").append(i).append(' ');
    }
    String text = paragraph.toString().strip();

    KnowledgeSource source = parse(FRONT_MATTER + text + "\n", MAX);

    assertThat(text.length()).isGreaterThanOrEqualTo(4_999);
    assertThat(source.passages()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(source.passages()).allSatisfy(passage -> assertThat(passage.text().length()).isLessThanOrEqualTo(MAX));
    assertThat(words(source.passages())).isEqualTo(words(text));
  }

  @Test
  void textWithoutAnySpaceIsCutHard() {
    String text = "x".repeat(2_500);

    KnowledgeSource source = parse(FRONT_MATTER + text + "\n", MAX);

    assertThat(source.passages()).extracting(passage -> passage.text().length()).containsExactly(1200, 1200, 100);
    assertThat(source.passages().stream().map(Passage::text).collect(Collectors.joining())).isEqualTo(text);
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("no front matter", "# Hundeabgabe\n\nText.\n", "missing front matter"),
        Arguments.of(
            "unclosed", "---\ntitle: Hundeabgabe\nupdated: 2026-01-15\n\nText.\n", "front matter not closed with ---"),
        Arguments.of("missing title", without("title"), "missing front matter key 'title'"),
        Arguments.of("missing source", without("source"), "missing front matter key 'source'"),
        Arguments.of("missing owner", without("owner"), "missing front matter key 'owner'"),
        Arguments.of("missing updated", without("updated"), "missing front matter key 'updated'"),
        Arguments.of("blank title", replaced("title: Hundeabgabe", "title: \"  \""), "empty value for front matter key 'title'"),
        Arguments.of("long title", replaced("title: Hundeabgabe", "title: " + "T".repeat(301)), "title longer than 300"),
        Arguments.of(
            "ftp source",
            replaced("source: https://www.leoben.at/hundeabgabe", "source: ftp://x"),
            "'source' is not an absolute http(s) URL: ftp://x"),
        Arguments.of(
            "relative source",
            replaced("source: https://www.leoben.at/hundeabgabe", "source: leoben.at"),
            "'source' is not an absolute http(s) URL: leoben.at"),
        Arguments.of(
            "bad date",
            replaced("updated: 2026-01-15", "updated: 2026-13-01"),
            "invalid date in 'updated': 2026-13-01"),
        Arguments.of(
            "bad optional date",
            replaced("updated: 2026-01-15", "updated: 2026-01-15\nvalid-from: 1.1.2026"),
            "invalid date in 'valid-from': 1.1.2026"),
        Arguments.of("unknown key", replaced("title:", "titel:"), "unknown front matter key 'titel' in line 2"),
        Arguments.of(
            "duplicate key",
            replaced("owner: Finanzverwaltung", "owner: Finanzverwaltung\nowner: Bürgerservice"),
            "duplicate front matter key 'owner' in line 5"),
        Arguments.of(
            "line without colon",
            replaced("owner: Finanzverwaltung", "owner Finanzverwaltung"),
            "front matter line 4 has no ':'"),
        Arguments.of(
            "colon in an unquoted value",
            replaced("title: Hundeabgabe", "title: Hunde: Abgabe"),
            "front matter line 2: a value with ': ' in it must be in quotes, e.g. title: \"Hunde: Anmeldung und Abgabe\""),
        Arguments.of(
            "keys are lower-case",
            replaced("title:", "Title:"),
            "unknown front matter key 'Title' in line 2 (allowed: title, source, owner, valid-from, updated, keywords)"),
        Arguments.of("blank source", replaced("source: https://www.leoben.at/hundeabgabe", "source: ''"),
            "empty value for front matter key 'source'"),
        Arguments.of("title as a list", replaced("title: Hundeabgabe", "title: [Hunde, Abgabe]"),
            "front matter key 'title' must be a single value"),
        Arguments.of("unclosed quote", replaced("owner: Finanzverwaltung", "owner: \"Finanzverwaltung"),
            "front matter line 4 is not valid YAML"),
        Arguments.of("not key-value lines", "---\nNur ein Satz.\n---\nText.\n", "front matter must be lines of 'key: value'"),
        Arguments.of("blank body", FRONT_MATTER + "\n  \n\t\n", "empty body"),
        Arguments.of("no body", FRONT_MATTER.strip(), "empty body"),
        Arguments.of("NUL", FRONT_MATTER + "Text\u0000.\n", "control character U+0000 in line 7"),
        Arguments.of("bell", FRONT_MATTER + "Zeile\nText\u0007.\n", "control character U+0007 in line 8"));
  }

  private static String without(String key) {
    return Arrays.stream((FRONT_MATTER + "Text.\n").split("\n"))
            .filter(line -> !line.startsWith(key + ":"))
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  private static String replaced(String original, String replacement) {
    return (FRONT_MATTER + "Text.\n").replace(original, replacement);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void brokenFilesNameFileAndProblem(String name, String markdown, String reason) {
    KnowledgeFormatException e =
        catchThrowableOfType(KnowledgeFormatException.class, () -> parse(markdown));

    assertThat(e).as(name).isNotNull();
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.reason()).contains(reason);
    assertThat(e.getMessage()).isEqualTo(FILE + ": " + e.reason());
  }

  @Test
  void slugIsFileNameWithoutExtension() {
    assertThat(MarkdownDocuments.slugOf("hundeabgabe-2026.md")).isEqualTo("hundeabgabe-2026");
    assertThat(MarkdownDocuments.slugOf("Meldezettel.MD")).isEqualTo("meldezettel");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hunde Info.md", "-hunde.md", ".md", "hunde_info.md", "hunde.txt", "ä.md"})
  void badFileNamesAreRejected(String fileName) {
    KnowledgeFormatException e =
        catchThrowableOfType(KnowledgeFormatException.class, () -> MarkdownDocuments.slugOf(fileName));

    assertThat(e).isNotNull();
    assertThat(e.file()).isEqualTo(fileName);
    assertThat(e.reason()).isEqualTo("invalid file name; use lower-case letters, digits and hyphens");
  }
}

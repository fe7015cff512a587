package at.leoben.assistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal data is replaced before anything is stored or logged; everything else stays as written. */
class PersonalDataRedactorTest {

  /** The city's own contacts, as the service is configured with them. */
  static final Set<String> CITY_CONTACTS =
      Set.of(
          "buergerservice@leoben.at",
          "+43 3842 4062-0",
          "0800 222 555",
          "142",
          "Erzherzog-Johann-Straße 2, 8700 Leoben",
          "AT87 1200 0520 6654 3301",
          "Mag. Maria Musterfrau");

  static final PersonalDataRedactor REDACTOR = new PersonalDataRedactor(CITY_CONTACTS);

  private static void assertRedacted(String input, String expected, Kind... kinds) {
    Redaction redaction = REDACTOR.redact(input);
    assertThat(redaction.text()).isEqualTo(expected);
    assertThat(redaction.kinds()).containsExactlyInAnyOrder(kinds);
    assertThat(redaction.redacted()).isEqualTo(kinds.length > 0);
  }

  // --- Each kind, in the formats citizens write it. Columns: input | expected output. ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Meine E-Mail ist max.mustermann@gmail.com, bitte antworten.|Meine E-Mail ist [E-MAIL], bitte antworten.
          Schreiben Sie an müller.anna@gmx.at.|Schreiben Sie an [E-MAIL].
          Kontakt: anna.huber+stadt@mail.example.co.at|Kontakt: [E-MAIL]
          Mail an "Max.Muster@Firma.AT" bitte|Mail an "[E-MAIL]" bitte
          erreichbar unter max (at) web.de oder max[at]web.de|erreichbar unter [E-MAIL] oder [E-MAIL]
          """)
  void emailAddresses(String input, String expected) {
    assertRedacted(input, expected, Kind.EMAIL);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Mein Handy: +43 664 1234567|Mein Handy: [TELEFON]
          Rufen Sie mich unter 0664/1234567 an.|Rufen Sie mich unter [TELEFON] an.
          Festnetz 0316 123456, bitte nach 17 Uhr.|Festnetz [TELEFON], bitte nach 17 Uhr.
          Aus Berlin: +49 30 1234567.|Aus Berlin: [TELEFON].
          Tel. +43 (0)664 123 45 67|Tel. [TELEFON]
          Büro (0316) 123 456 oder 0043 664 1234567|Büro [TELEFON] oder [TELEFON]
          Bitte zurückrufen: +43-664-1234567|Bitte zurückrufen: [TELEFON]
          Handynummer 0650-123 45 67|Handynummer [TELEFON]
          Tel.: 664 1234567|Tel.: [TELEFON]
          Erreichbar unter 03842/12345-67|Erreichbar unter [TELEFON]
          Mein Handy 0676.555.44.33, bitte.|Mein Handy [TELEFON], bitte.
          Rückruf unter +43.676.555.44.33|Rückruf unter [TELEFON]
          Festnetz (03842) 123 45|Festnetz [TELEFON]
          """)
  void phoneNumbers(String input, String expected) {
    assertRedacted(input, expected, Kind.PHONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          IBAN: AT61 1904 3002 3457 3201 bitte überweisen|IBAN: [IBAN] bitte überweisen
          Mein Konto AT611904300234573201, BIC BKAUATWW|Mein Konto [IBAN], BIC BKAUATWW
          iban at61 1904 3002 3457 3201|iban [IBAN]
          Konto in Deutschland DE89 3704 0044 0532 0130 00.|Konto in Deutschland [IBAN].
          GB29 NWBK 6016 1331 9268 19 ist mein britisches Konto|[IBAN] ist mein britisches Konto
          Schweiz: CH93 0076 2011 6238 5295 7|Schweiz: [IBAN]
          Italien IT60 X054 2811 1010 0000 0123 456|Italien [IBAN]
          Frankreich FR14 2004 1010 0505 0001 3M02 606|Frankreich [IBAN]
          Zwei Konten: AT61 1904 3002 3457 3201 DE89 3704 0044 0532 0130 00|Zwei Konten: [IBAN] [IBAN]
          """)
  void ibans(String input, String expected) {
    assertRedacted(input, expected, Kind.IBAN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Meine Sozialversicherungsnummer ist 1237 010180.|Meine Sozialversicherungsnummer ist [SVNR].
          SVNR 1237010180|SVNR [SVNR]
          SV-Nr.: 4566 150372, die meiner Frau 3215 240566|SV-Nr.: [SVNR], die meiner Frau [SVNR]
          e-card Nummer 2229070890|e-card Nummer [SVNR]
          """)
  void socialSecurityNumbers(String input, String expected) {
    assertRedacted(input, expected, Kind.SVNR);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Kreditkarte 4111 1111 1111 1111, gültig bis 12/27|Kreditkarte [KARTE], gültig bis 12/27
          Karte 5500-0000-0000-0004|Karte [KARTE]
          Amex 3782 822463 10005|Amex [KARTE]
          Nummer 5555555555554444 bitte abbuchen|Nummer [KARTE] bitte abbuchen
          Visa 4222222222222 (alt)|Visa [KARTE] (alt)
          """)
  void cardNumbers(String input, String expected) {
    assertRedacted(input, expected, Kind.CARD);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Ich wohne in der Hauptstraße 12, 8700 Leoben.|Ich wohne in der [ADRESSE].
          Adresse: Kärntner Straße 234/2/7, 8700 Leoben|Adresse: [ADRESSE]
          Erzherzog-Johann-Str. 12a, Stiege 2, Top 5|[ADRESSE]
          Meine Anschrift ist Mühlgasse 4 Top 12.|Meine Anschrift ist [ADRESSE].
          Wir wohnen am Waasenplatz 1 im 2. Stock.|Wir wohnen am [ADRESSE] im 2. Stock.
          Obere Hauptstraße 7a in Leoben|[ADRESSE] in Leoben
          Wohnhaft in 8700 Leoben, Franz-Josef-Straße 12/2/7|Wohnhaft in 8700 Leoben, [ADRESSE]
          Anschrift: Leobner Straße 3, 8712 Proleb|Anschrift: [ADRESSE]
          Dr.-Karl-Renner-Straße 22, 8700 Leoben|[ADRESSE]
          Zustellung an Josef-Heißl-Strasse 3 8700 Leoben|Zustellung an [ADRESSE]
          Wohnung Sonnenweg 5, 8605 Kapfenberg|Wohnung [ADRESSE]
          Platz der Republik 3|[ADRESSE]
          Der Brief kam an die Lerchenfeldgasse 10-12.|Der Brief kam an die [ADRESSE].
          """)
  void streetAddresses(String input, String expected) {
    assertRedacted(input, expected, Kind.ADDRESS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Ich bin am 12.03.1985 geboren.|Ich bin am [GEBURTSDATUM] geboren.
          Geburtsdatum: 12. März 1985|Geburtsdatum: [GEBURTSDATUM]
          Mein Sohn (geb. 03.04.2015) braucht einen Pass.|Mein Sohn (geb. [GEBURTSDATUM]) braucht einen Pass.
          geb. am 1985-03-12|geb. am [GEBURTSDATUM]
          Ich wurde am 12.03.85 in Leoben geboren.|Ich wurde am [GEBURTSDATUM] in Leoben geboren.
          Geburtstag 3. Jänner 1978|Geburtstag [GEBURTSDATUM]
          DOB 12/03/1985|DOB [GEBURTSDATUM]
          date of birth: March 12, 1985|date of birth: [GEBURTSDATUM]
          I was born on 12 March 1985.|I was born on [GEBURTSDATUM].
          """)
  void datesOfBirth(String input, String expected) {
    assertRedacted(input, expected, Kind.BIRTH_DATE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Mein Name ist Max Mustermann und ich wohne in Leoben.|Mein Name ist [NAME] und ich wohne in Leoben.
          mein name ist anna huber|mein name ist [NAME]
          Ich heiße Anna.|Ich heiße [NAME].
          Hallo, ich bin Anna Huber aus Donawitz.|Hallo, ich bin [NAME] aus Donawitz.
          Name: Franz Huber-Maier|Name: [NAME]
          Vorname: Max, Nachname: Mustermann|Vorname: [NAME], Nachname: [NAME]
          Herr Dr. Huber hat gestern angerufen.|Herr Dr. [NAME] hat gestern angerufen.
          Bitte an Frau Mag. Anna Maier weiterleiten.|Bitte an Frau Mag. [NAME] weiterleiten.
          Sehr geehrte Frau DI Eva Berger, vielen Dank.|Sehr geehrte Frau DI [NAME], vielen Dank.
          Herrn Ing. Peter Gruber zu Handen|Herrn Ing. [NAME] zu Handen
          Frau Bürgermeisterin Huber hat das zugesagt.|Frau Bürgermeisterin [NAME] hat das zugesagt.
          my name is John Smith|my name is [NAME]
          I am called Peter Parker.|I am called [NAME].
          """)
  void names(String input, String expected) {
    assertRedacted(input, expected, Kind.NAME);
  }

  @Test
  void aClosingGreetingIsFollowedByTheName() {
    assertRedacted("Danke!\nLiebe Grüße\nAnna Huber", "Danke!\nLiebe Grüße\n[NAME]", Kind.NAME);
    assertRedacted("Mit freundlichen Grüßen, Max Mustermann", "Mit freundlichen Grüßen, [NAME]", Kind.NAME);
    assertRedacted("LG Anna", "LG [NAME]", Kind.NAME);
    // Not at the end of its line: "LG" is then the Landesgericht.
    assertRedacted("Das LG Leoben hat entschieden.", "Das LG Leoben hat entschieden.");
  }

  // --- What must stay: answers depend on it. ---

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Was kostet ein Reisepass? 75,90 € bzw. 12,50 € für die Beglaubigung.",
        "Die Anlage kostet 1.200 Euro, die Förderung beträgt 1.250,00 Euro.",
        "Im Jahr 2023 gab es 1.234 Anträge, 2024 waren es 1.456.",
        "Wann hat das Bürgerservice geöffnet? Mo–Fr 08:00-12:00 und Do 14:00–18:00 Uhr.",
        "Öffnungszeiten: Montag bis Freitag 7:30 bis 15:00, Mo.–Fr. Vormittag.",
        "Der Termin ist am 12.03.2026 um 10:30 Uhr.",
        "Ich habe am 12.03.2026 einen Termin, bitte bis 31.12.2025 abgeben.",
        "Die Sitzung findet am 1. April 2026 statt.",
        "Seit 01.01.2025 gilt die neue Gebührenordnung.",
        "Ist die Müllabfuhr am 24.12. unterwegs?",
        "Due on 01/02/2024.",
        "Die Postleitzahl ist 8700.",
        "8700 Leoben ist eine Stadt in der Steiermark.",
        "Mein Antrag Nr. 2024/1234 wurde eingereicht, GZ 123-45/2025.",
        "Antrag Nr. 0815/2024 und Zl. 0123-456/2025",
        "Zeitraum 2023-2024, Aktenzahl 1234567890.",
        "Die Kundennummer 1234567890 steht auf der Rechnung.",
        "Ich bin 34 Jahre alt und habe 3 Kinder.",
        "Ich bin Studentin und brauche einen Meldezettel.",
        "Ich bin krank und kann nicht kommen.",
        "Ich bin Pensionist und wohne seit 1985 in Leoben.",
        "Ich bin Mutter von drei Kindern.",
        "Ich bin Alleinerzieherin mit zwei Kindern.",
        "Ich bin der Meinung, dass die Ampel zu kurz ist.",
        "Wann wird in der Kärntner Straße gekehrt?",
        "Wie komme ich zum Hauptplatz?",
        "Gibt es in der Kerpelystraße einen Wertstoffhof?",
        "Ist der Parkplatz 2 Stunden gratis?",
        "Der Schulweg dauert 15 Minuten.",
        "Die Bundesstraße 116 ist gesperrt.",
        "Auf Platz 3 der Liste steht die Sanierung.",
        "Mein Sohn wurde 2015 geboren, braucht er einen Kindergartenplatz?",
        "Geboren bin ich in Graz, seit 2010 lebe ich in Leoben.",
        "Am Montag, 12.03.2026, ist eine Geburtstagsfeier im Stadtsaal.",
        "Kann meine Frau den Antrag stellen?",
        "Hat jede Frau Anspruch darauf?",
        "Frau und Kinder sind mitversichert.",
        "Herr Bürgermeister, wann kommt der Radweg?",
        "Mein Name ist nicht wichtig.",
        "Ich heiße Sie herzlich willkommen.",
        "Die Wohnung hat 80 m² und kostet 650 € im Monat.",
        "Das Formular hat 12 Seiten, Version 2.3.1, ISBN 978-3-16-148410-0.",
        "Top 3 Fragen zum Reisepass",
        "Frist: 14 Tage ab Zustellung.",
        "Telefonsprechstunde Di 9-11 Uhr",
        "Linie 1 fährt alle 15 Minuten vom Hauptplatz.",
      })
  void ordinaryTextStays(String text) {
    assertRedacted(text, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Schreiben Sie an buergerservice@leoben.at.",
        "Schreiben Sie an BUERGERSERVICE@Leoben.at",
        "Telefon +43 3842 4062-0",
        "Telefon 03842/4062-0 oder 0043 (0)3842 40620",
        "Telefon 03842 40620",
        "Die kostenlose Hotline 0800 222 555 hilft, im Notfall 142.",
        "Die Hotline 0800-222-555 ist rund um die Uhr erreichbar.",
        "Das Amt ist in der Erzherzog-Johann-Straße 2, 8700 Leoben.",
        "Bitte in die Erzherzog-Johann-Str. 2 kommen.",
        "Überweisen Sie die Gebühr auf AT87 1200 0520 6654 3301.",
        "Verantwortlich ist Frau Mag. Maria Musterfrau.",
      })
  void theCitysOwnContactsStay(String text) {
    assertRedacted(text, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // The last check digit is off by one in each.
        "Ungültige IBAN AT61 1904 3002 3457 3202",
        "IBAN DE89 3704 0044 0532 0130 01",
        // Too short for Austria, though the checksum might hold.
        "AT61 1904 3002 3457",
        "Nummer 4111 1111 1111 1112",
        "Karte 5500-0000-0000-0005",
        "SVNR 1238 010180",
        "SVNR 1236010180",
        // Check digit right, but there is no 13th month.
        "SVNR 1234 011380",
      })
  void numbersFailingTheirChecksumStay(String text) {
    assertRedacted(text, text);
  }

  @Test
  void severalKindsInOneMessage() {
    assertRedacted(
        "Guten Tag, mein Name ist Anna Huber, geb. 12.03.1985, wohnhaft Peter-Tunner-Straße 15/3, 8700 Leoben."
            + " Tel. 0664 123 45 67, anna.huber@gmx.at. Bitte die Rückzahlung auf AT61 1904 3002 3457 3201,"
            + " meine SVNR ist 1237 010180. Der Termin am 20.05.2026 passt.",
        "Guten Tag, mein Name ist [NAME], geb. [GEBURTSDATUM], wohnhaft [ADRESSE]."
            + " Tel. [TELEFON], [E-MAIL]. Bitte die Rückzahlung auf [IBAN],"
            + " meine SVNR ist [SVNR]. Der Termin am 20.05.2026 passt.",
        Kind.NAME, Kind.BIRTH_DATE, Kind.ADDRESS, Kind.PHONE, Kind.EMAIL, Kind.IBAN, Kind.SVNR);
    assertRedacted(
        "Hallo! Ich bin Max Gruber, Kreditkarte 4111 1111 1111 1111, Rückruf bitte an +43 664 7654321 "
            + "oder an das Bürgerservice unter 03842 4062-0.",
        "Hallo! Ich bin [NAME], Kreditkarte [KARTE], Rückruf bitte an [TELEFON] "
            + "oder an das Bürgerservice unter 03842 4062-0.",
        Kind.NAME, Kind.CARD, Kind.PHONE);
  }

  @Test
  void anIbanIsNotAlsoReadAsAPhoneOrCardNumber() {
    // Its digits hold a mobile number and a Luhn-valid card number; it is replaced once, as an IBAN.
    assertRedacted("IBAN AT91 0664 1234 5678 9012", "IBAN [IBAN]", Kind.IBAN);
    assertRedacted("IBAN AT70 4111 1111 1111 1111", "IBAN [IBAN]", Kind.IBAN);
  }

  @Test
  void disguisedDataIsFoundAndTheRestOfTheTextKept() {
    // Full-width digits, a zero-width space, a non-breaking space and a soft hyphen hide nothing.
    assertRedacted("Tel ０６６４ １２３４５６７", "Tel [TELEFON]", Kind.PHONE);
    assertRedacted("Mail: max\u200B.muster@gmx.at", "Mail: [E-MAIL]", Kind.EMAIL);
    assertRedacted("Handy 0664\u00A01234567 – danke", "Handy [TELEFON] – danke", Kind.PHONE);
    assertRedacted("IBAN AT61\u00AD 1904 3002 3457 3201", "IBAN [IBAN]", Kind.IBAN);
    // Text around a finding keeps its own characters, emoji included.
    assertRedacted("\uD83D\uDE00 Tel. 0664 1234567 \uD83D\uDC4D", "\uD83D\uDE00 Tel. [TELEFON] \uD83D\uDC4D", Kind.PHONE);
  }

  static Stream<String> redactedTexts() {
    List<String> texts = new ArrayList<>();
    texts.add("Mein Name ist Anna Huber, Tel. 0664 1234567, anna@gmx.at, Hauptstraße 12, geb. 12.03.1985.");
    texts.add("IBAN AT61 1904 3002 3457 3201, Karte 4111 1111 1111 1111, SVNR 1237 010180");
    texts.add("Frau Mag. Maria Huber, Liebe Grüße\nMax Mustermann");
    texts.add("Kontakt: max (at) web.de, Obere Hauptstraße 7a, 8700 Leoben, Name: Franz");
    // Found by the random test: each once changed on a second redaction.
    texts.add("Rückruf 0747 9957320 0328 3611484");
    texts.add("Karte 3669832462955 0705 8457464 bitte");
    texts.add("Handy 6529/2393 31.11.2005 DOB");
    texts.add("Name: Müller Antrag +72 180 3717343");
    texts.add("geb. 1985-03-12, Termin am 12.03.2026");
    texts.add("gasse 51 Euro gasse 75 Leoben, Tel. 0664 1234567");
    return texts.stream();
  }

  @ParameterizedTest
  @MethodSource("redactedTexts")
  void redactingTwiceChangesNothing(String text) {
    Redaction once = REDACTOR.redact(text);
    Redaction twice = REDACTOR.redact(once.text());

    assertThat(once.redacted()).isTrue();
    assertThat(twice.text()).isEqualTo(once.text());
    assertThat(twice.kinds()).isEmpty();
  }

  @Test
  void nullAndEmptyInputAreReturnedAsTheyAre() {
    assertThat(REDACTOR.redact(null)).isEqualTo(new Redaction(null, Set.of()));
    assertThat(REDACTOR.redact("")).isEqualTo(new Redaction("", Set.of()));
    assertThat(REDACTOR.redact("   ").text()).isEqualTo("   ");
  }

  @Test
  void withoutAllowedContactsTheCitysNumberIsRedactedToo() {
    PersonalDataRedactor strict = new PersonalDataRedactor(Set.of());
    assertThat(strict.redact("Telefon +43 3842 4062-0").text()).isEqualTo("Telefon [TELEFON]");
  }

  @Test
  void theKindsAreAReadOnlySetAndCarryTheirPlaceholders() {
    Redaction redaction = REDACTOR.redact("Tel. 0664 1234567, IBAN AT61 1904 3002 3457 3201");

    assertThat(redaction.kinds()).isEqualTo(EnumSet.of(Kind.PHONE, Kind.IBAN));
    assertThat(redaction.kinds()).isUnmodifiable();
    assertThat(Stream.of(Kind.values()).map(Kind::placeholder))
        .containsExactly(
            "[E-MAIL]", "[TELEFON]", "[IBAN]", "[SVNR]", "[KARTE]", "[ADRESSE]", "[GEBURTSDATUM]", "[NAME]");
  }

  // --- Robustness and speed. ---

  private static final String[] WORDS = {
    "Antrag", "bitte", "Frau", "Herr", "Herrn", "ich", "bin", "heiße", "Mein", "Name", "ist", "Name:", "geboren",
    "geb.", "am", "Termin", "Hauptplatz", "Straße", "gasse", "Kärntner", "Leoben", "Tel.", "Handy", "IBAN", "und",
    "oder", "€", "Euro", "Uhr", "Nr.", "GZ", "der", "die", "Müller", "Öffnungszeiten", "LG", "Liebe", "Grüße",
    "mit", "freundlichen", "Grüßen", "Dr.", "Mag.", "Top", "Stiege", "März", "March", "DOB", "born", "SVNR",
    "Karte", "Mail", "Wohnung", "Meldezettel", "Reisepass", "Müllabfuhr", "Anna", "Huber", "ß", "ä", "ÖÄÜ",
  };
  private static final String[] PUNCTUATION = {".", ",", "!", "?", ":", "/", "-", "(", ")", "@", "\n", ";", "–"};

  /** A valid IBAN, its check digits computed here (not by the code under test), written either way. */
  private static String randomIban(Random random) {
    boolean austrian = random.nextBoolean();
    String country = austrian ? "AT" : "DE";
    StringBuilder bban = new StringBuilder();
    for (int i = 0; i < (austrian ? 16 : 18); i++) {
      bban.append(random.nextInt(10));
    }
    // Check digits: 98 - (BBAN + country letters as numbers + "00") mod 97.
    String numeric = bban + (austrian ? "1029" : "1314") + "00";
    int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
    String iban = country + String.format("%02d", check) + bban;
    return random.nextBoolean() ? iban : iban.replaceAll("(.{4})(?!$)", "$1 ");
  }

  private static String randomEmail(Random random) {
    return randomLetters(random, 3 + random.nextInt(6))
        + (random.nextBoolean() ? "." + randomLetters(random, 2 + random.nextInt(5)) : "")
        + "@" + randomLetters(random, 3 + random.nextInt(6))
        + "." + List.of("at", "de", "com", "gv.at").get(random.nextInt(4));
  }

  private static String randomLetters(Random random, int length) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < length; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }

  private static String randomNumber(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> String.valueOf(random.nextInt(100));
      case 1 -> random.nextInt(1000) + "," + random.nextInt(100) + " €";
      case 2 -> String.format("%02d.%02d.%d", 1 + random.nextInt(31), 1 + random.nextInt(12), 1950 + random.nextInt(80));
      case 3 -> String.format("%02d:00-%02d:00", random.nextInt(24), random.nextInt(24));
      case 4 -> "0" + random.nextInt(1000) + (random.nextBoolean() ? "/" : " ") + random.nextInt(10_000_000);
      case 5 -> "+" + random.nextInt(100) + " " + random.nextInt(1000) + " " + random.nextInt(10_000_000);
      case 6 -> String.valueOf(Math.abs(random.nextLong()) % 10_000_000_000_000L);
      default -> random.nextInt(10_000) + "/" + random.nextInt(10_000);
    };
  }

  /** Words, numbers and punctuation in random order; the generated secrets stand apart by spaces. */
  private static String randomText(Random random, List<String> secrets) {
    StringBuilder text = new StringBuilder();
    int tokens = 5 + random.nextInt(60);
    for (int i = 0; i < tokens; i++) {
      int choice = random.nextInt(100);
      if (choice < 4) {
        String secret = choice < 2 ? randomIban(random) : randomEmail(random);
        secrets.add(secret);
        text.append(' ').append(secret).append(' ');
      } else if (choice < 55) {
        text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      } else if (choice < 80) {
        text.append(' ').append(randomNumber(random));
      } else {
        text.append(PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
      }
    }
    return text.toString();
  }

  @Test
  void randomTextsNeverFailNorLeakAGeneratedIbanOrEmailAddress() {
    Random random = new Random(20_250_101L);
    int secretsSeen = 0;
    for (int n = 0; n < 500; n++) {
      List<String> secrets = new ArrayList<>();
      String text = randomText(random, secrets);

      Redaction redaction = REDACTOR.redact(text);

      for (String secret : secrets) {
        assertThat(redaction.text()).as(text).doesNotContain(secret);
      }
      assertThat(REDACTOR.redact(redaction.text()).text()).as(text).isEqualTo(redaction.text());
      secretsSeen += secrets.size();
    }
    // The generator must actually have hidden something to find.
    assertThat(secretsSeen).isGreaterThan(300);
  }

  /** About 2,000 characters as a long citizen message: questions, numbers, several kinds of data. */
  static String longMixedMessage() {
    String paragraph =
        "Sehr geehrte Damen und Herren, mein Name ist Anna Huber, ich wohne in der Peter-Tunner-Straße 15/3,"
            + " 8700 Leoben. Ich habe am 12.03.2026 um 10:30 einen Termin wegen Antrag Nr. 2024/1234 und möchte"
            + " wissen, ob die Gebühr von 12,50 € auch bar bezahlt werden kann. Erreichbar bin ich unter"
            + " 0664 123 45 67 oder anna.huber@gmx.at, meine IBAN für die Rückzahlung ist AT61 1904 3002 3457 3201."
            + " Wann wird eigentlich in der Kärntner Straße gekehrt? Liebe Grüße, geb. 12.03.1985. ";
    StringBuilder text = new StringBuilder();
    while (text.length() < 2000) {
      text.append(paragraph);
    }
    return text.substring(0, 2000);
  }

  @Test
  void aLongMixedMessageIsRedactedWithoutHanging() {
    // Only a hang guard against catastrophic backtracking; the redactor's cost belongs in bench/.
    Redaction redaction = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> REDACTOR.redact(longMixedMessage()));
    assertThat(redaction.text())
        .contains("[E-MAIL]", "[IBAN]", "[TELEFON]")
        .doesNotContain("anna.huber@gmx.at", "AT61 1904", "0664 123 45 67");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a", "1", "1 ", "+0", "x@", "a.", "@.", "(0", "0-", "a-", "Straße ", "Frau ", "AT61 ", "ich bin ",
        "Hauptstraße 1/", "geboren 12.03.1985 ", "a\u0308", "mein Name ist ",
      })
  void longPathologicalInputsDoNotHangTheRedactor(String unit) {
    String text = unit.repeat(20_000 / unit.length());

    // A hang guard: catastrophic backtracking on 20,000 characters takes minutes, not seconds.
    Redaction redaction = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> REDACTOR.redact(text));

    assertThat(redaction.text()).isNotNull();
  }
}

package at.leoben.assistant.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses: a street and a house number ("Hauptstraße 12", "Kärntner Straße 12a",
 * "Erzherzog-Johann-Str. 12/3/7", "Platz der Republik 3"), with what follows it ("Stiege 2,
 * Top 5", "8700 Leoben"). Without a house number a street is only a place ("Wann wird in der
 * Kärntner Straße gekehrt?") and stays. The city's own addresses stay.
 */
final class AddressFinder implements Finder {

  private static final String SUFFIX = "straße|strasse|str\\.|gasse|weg|platz|allee|ring|zeile|kai|promenade|ufer";
  private static final String HOUSE_NUMBER =
      "\\d{1,3}+[a-zA-Z]?+(?: ?/ ?\\d{1,3}+[a-zA-Z]?+){0,2}+(?: ?[-–] ?\\d{1,3}+[a-zA-Z]?+)?+"
          + "(?![\\p{L}\\p{M}\\p{N}]|[.,:]\\d)";
  /** A word ending in a street suffix, then a house number: "Hauptstraße 12", "Kärntner Straße 3". */
  private static final Pattern STREET =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{N}.-])(\\p{L}[\\p{L}\\p{M}.-]*+)(?<=(?iu:" + SUFFIX + ")) {0,2}+(" + HOUSE_NUMBER + ")");
  /** The street word first: "Platz der Republik 3", "Weg zum Schacht 4". */
  private static final Pattern NAMED =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{N}])((?iu:straße|strasse|gasse|weg|platz|allee|ring|zeile|kai|promenade|ufer)"
              + " (?:der|des|am|an der|zum|zur|im|vom|von) \\p{Lu}[\\p{L}\\p{M}]*+(?:[ -]\\p{Lu}[\\p{L}\\p{M}]*+){0,2}+)"
              + " {1,2}+(" + HOUSE_NUMBER + ")");
  private static final Pattern UNIT =
      Pattern.compile(
          "(?iu:,? ?(?:stiege|stg\\.?|top|tür|türe|whg\\.?|wohnung|stock) ?\\d{1,3}+[a-zA-Z]?+)(?![\\p{L}\\p{M}\\p{N}])");
  private static final Pattern TOWN =
      Pattern.compile(
          ",? {1,2}+(?:(?:A|AT|D|DE)-)?\\d{4,5}+ (?:(?:St\\.|Sankt|Bad|Maria|Deutsch) ?)?\\p{Lu}[\\p{L}\\p{M}]*+"
              + "(?:-\\p{Lu}[\\p{L}\\p{M}]*+)*+(?: (?:an der|am|im|bei|ob der|in der) \\p{Lu}[\\p{L}\\p{M}]*+)?");

  /** Words that end like a street but name something else: "Parkplatz 3", "Radweg 2 km". */
  private static final Set<String> COMMON_NOUNS =
      Set.of(
          "parkplatz", "spielplatz", "arbeitsplatz", "stellplatz", "sitzplatz", "studienplatz", "sportplatz",
          "campingplatz", "betreuungsplatz", "kindergartenplatz", "krippenplatz", "ausbildungsplatz", "lehrplatz",
          "pflegeplatz", "heimplatz", "abstellplatz", "bauplatz", "lagerplatz", "radweg", "gehweg", "fußweg",
          "fussweg", "heimweg", "schulweg", "umweg", "rückweg", "ausweg", "wanderweg", "rechtsweg", "dienstweg",
          "postweg", "fluchtweg", "rettungsweg", "zufahrtsweg", "hinweg", "vorweg", "ehering", "schlüsselring",
          "bundesstraße", "bundesstrasse", "landesstraße", "landesstrasse", "schnellstraße", "schnellstrasse");
  /** Capitalised words that do not belong to a street name in front of "Straße": "Die", "Adresse". */
  private static final Set<String> NOT_STREET_WORDS =
      Set.of(
          "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "einen", "in", "im", "am",
          "an", "auf", "aus", "bei", "nach", "von", "vom", "zur", "zum", "über", "unter", "vor", "hinter",
          "neben", "zwischen", "ecke", "wohne", "wohnen", "wohnhaft", "adresse", "anschrift", "meine", "mein",
          "unsere", "unser", "ihre", "ihr", "seine", "sein", "ich", "wir", "sie", "er", "es", "und", "oder",
          "bitte", "danke", "liebe", "lieber", "sehr", "the", "at", "on", "my", "our");
  /** A number followed by one of these counts something: "Platz 3 Stunden", "Gasse 2 mal". */
  private static final Set<String> MEASURES =
      Set.of(
          "uhr", "min", "minuten", "std", "stunde", "stunden", "h", "tag", "tage", "tagen", "woche", "wochen",
          "monat", "monate", "monaten", "jahr", "jahre", "jahren", "m", "km", "cm", "meter", "metern", "kilometer",
          "m²", "m2", "qm", "euro", "eur", "€", "%", "prozent", "mal", "x", "stück", "personen", "leute",
          "kinder", "plätze", "autos", "fahrzeuge", "häuser", "wohnungen", "parteien", "haushalte", "kg", "t",
          "tonnen", "liter", "l", "cent", "minutes", "hours", "days", "weeks", "years");
  private static final List<String> SUFFIXES = List.of(SUFFIX.replace("\\", "").split("\\|"));
  private static final Set<String> STREET_WORDS =
      Set.of("straße", "strasse", "gasse", "weg", "platz", "allee", "ring", "zeile", "kai", "promenade", "ufer");
  private static final Set<String> COMPOUND_ONLY_IF_CAPITALISED = Set.of("weg", "ring", "kai", "ufer");

  /** What a finder reports: an address span and its key for comparison with the city's addresses. */
  private interface Hit {
    void address(int start, int end, String key);
  }

  private final AllowedContacts allowed;

  AddressFinder(AllowedContacts allowed) {
    this.allowed = allowed;
  }

  @Override
  public void find(Scan scan) {
    find(scan, (start, end, key) -> {
      if (allowed.address(key)) {
        scan.keep(start, end);
      } else {
        scan.add(start, end, Kind.ADDRESS);
      }
    });
  }

  /** The comparison key of the first address in a text ("erzherzogjohannstrasse2"), or null. */
  static String key(String text) {
    String[] first = new String[1];
    find(new Scan(text), (start, end, key) -> first[0] = first[0] == null ? key : first[0]);
    return first[0];
  }

  private static void find(Scan scan, Hit hit) {
    CharSequence text = scan.text();
    Matcher street = STREET.matcher(text).useTransparentBounds(true);
    for (int i : scan.numberStarts()) {
      int word = Chars.numberStart(text, i) ? wordBefore(text, i) : -1;
      if (word >= 0 && streetSuffix(text, word, i) && street.region(word, text.length()).lookingAt()) {
        int start = streetStart(text, street.start(1), street.group(1));
        if (start >= 0) {
          report(text, start, street.end(2), hit);
        }
      }
    }
    Matcher named = NAMED.matcher(text).useTransparentBounds(true);
    int[] starts = scan.wordStarts();
    String[] words = scan.words();
    for (int k = 0; k < starts.length; k++) {
      if (STREET_WORDS.contains(words[k]) && named.region(starts[k], text.length()).lookingAt()) {
        report(text, named.start(1), named.end(2), hit);
      }
    }
  }

  /** Whether the word from start, up to the spaces before the number, ends like a street. */
  private static boolean streetSuffix(CharSequence text, int start, int number) {
    int end = number;
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    String word = text.subSequence(start, end).toString().toLowerCase(Locale.ROOT);
    return Chars.endsWithAny(word, SUFFIXES);
  }

  /** The start of the word right before a number ("Hauptstraße 12", "Hauptstr.12"), or -1. */
  private static int wordBefore(CharSequence text, int number) {
    int end = number;
    for (int spaces = 0; spaces < 2 && end > 0 && text.charAt(end - 1) == ' '; spaces++) {
      end--;
    }
    int start = end;
    while (start > 0 && isStreetChar(text.charAt(start - 1))) {
      start--;
    }
    return start < end ? start : -1;
  }

  /**
   * Where the street name starts, or -1 when the word is no street: a bare "Straße" takes the
   * capitalised words before it ("Kärntner Straße"), a compound stands alone or after one
   * adjective ("Obere Hauptstraße").
   */
  private static int streetStart(CharSequence text, int start, String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    String suffix = suffixOf(lower);
    String stem = lower.substring(0, lower.length() - suffix.length());
    if (stem.isEmpty()) {
      int named = wordsBefore(text, start, 2, false);
      return named < start ? named : -1;
    }
    if (Chars.endsWithAny(lower, COMMON_NOUNS)) {
      return -1;
    }
    if (COMPOUND_ONLY_IF_CAPITALISED.contains(suffix) && !Character.isUpperCase(word.charAt(0))) {
      return -1;
    }
    return wordsBefore(text, start, 1, true);
  }

  private static String suffixOf(String lower) {
    for (String suffix : SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return suffix;
      }
    }
    throw new IllegalStateException("matched without a street suffix: " + lower);
  }

  /** Extends start over up to max capitalised words before it that may belong to a street name. */
  private static int wordsBefore(CharSequence text, int start, int max, boolean adjectiveOnly) {
    int at = start;
    for (int taken = 0; taken < max && at >= 2 && text.charAt(at - 1) == ' '; taken++) {
      int wordStart = at - 1;
      while (wordStart > 0 && isStreetChar(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      String word = text.subSequence(wordStart, at - 1).toString();
      String lower = word.toLowerCase(Locale.ROOT);
      boolean fits = word.length() >= 2
          && Character.isUpperCase(word.charAt(0))
          && !NOT_STREET_WORDS.contains(lower.replace(".", ""))
          // "51 Euro Gasse 75": the unit of one number is not the name of the next street.
          && !MEASURES.contains(lower)
          && (!adjectiveOnly || lower.endsWith("e") || lower.endsWith("er") || lower.endsWith("es"));
      if (!fits) {
        break;
      }
      at = wordStart;
    }
    return at;
  }

  /** Reports the address from start to its number and what follows it. */
  private static void report(CharSequence text, int start, int numberEnd, Hit hit) {
    if (countsSomething(text, numberEnd)) {
      return;
    }
    String key = normalise(text.subSequence(start, numberEnd));
    int end = numberEnd;
    Matcher tail = UNIT.matcher(text).useTransparentBounds(true);
    for (int units = 0; units < 3 && tail.region(end, text.length()).lookingAt(); units++) {
      end = tail.end();
    }
    tail = TOWN.matcher(text).useTransparentBounds(true).region(end, text.length());
    if (tail.lookingAt()) {
      end = tail.end();
    }
    hit.address(start, end, key);
  }

  private static boolean countsSomething(CharSequence text, int numberEnd) {
    int from = numberEnd;
    while (from < text.length() && text.charAt(from) == ' ') {
      from++;
    }
    int to = from;
    while (to < text.length() && !Character.isWhitespace(text.charAt(to)) && ",;:!?)".indexOf(text.charAt(to)) < 0) {
      to++;
    }
    String word = text.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
    return MEASURES.contains(word.endsWith(".") ? word.substring(0, word.length() - 1) : word);
  }

  /** Street and number without case, spelling or punctuation: "Erzherzog-Johann-Str. 2" → erzherzogjohannstrasse2. */
  private static String normalise(CharSequence address) {
    String lower = address.toString().toLowerCase(Locale.ROOT).replace("ß", "ss").replace("str.", "strasse");
    StringBuilder key = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      if (Character.isLetterOrDigit(lower.charAt(i))) {
        key.append(lower.charAt(i));
      }
    }
    return key.toString();
  }

  /** Street names run across dots and hyphens: "Dr.-Karl-Renner-Straße". */
  private static boolean isStreetChar(char c) {
    return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK || c == '.' || c == '-';
  }
}

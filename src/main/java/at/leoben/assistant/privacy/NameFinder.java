package at.leoben.assistant.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names where a phrase announces them: "mein Name ist …", "ich heiße …", "Name: …", "my name
 * is …", "Herr/Frau (Dr., Mag., DI, Ing.) …", a greeting at the end ("Liebe Grüße, Anna Huber")
 * and "ich bin Vorname Nachname" (two capitalised words, so "ich bin Studentin" stays). One to
 * three name words are replaced; the phrase stays.
 */
final class NameFinder implements Finder {

  private enum Lead {
    /** Nothing but a name can follow, so lower-case words count too ("mein name ist anna huber"). */
    NAMING,
    CALLED,
    I_AM,
    SALUTATION,
    CLOSING
  }

  private static final Pattern LEAD =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}])(?iu:"
              + "(?<naming>mein +name +(?:ist|lautet)|my +name +is|i +am +called|i'?m +called|(?:vor|nach|familien|zu)?name *:)"
              + "|(?<called>ich +hei(?:ß|ss|s)e?)"
              + "|(?<iam>ich +bin)"
              + "|(?<salutation>herrn?|frau|hr\\.|fr\\.|mrs?\\.|ms\\.)"
              + "|(?<closing>mit +freundlichen +grü(?:ß|ss)en|(?:liebe|viele|beste|freundliche|herzliche|schöne) +grü(?:ß|ss)e"
              + "|mfg|lg|(?:best|kind|warm) +regards|regards)"
              + ")(?![\\p{L}\\p{M}])");
  /** The first words of the phrases above, to try the pattern only where one starts. */
  private static final Set<String> LEAD_WORDS =
      Set.of(
          "mein", "my", "i", "name", "vorname", "nachname", "familienname", "zuname", "ich", "herr", "herrn",
          "frau", "hr", "fr", "mr", "mrs", "ms", "mit", "liebe", "viele", "beste", "freundliche", "herzliche",
          "schöne", "mfg", "lg", "best", "kind", "warm", "regards");
  private static final Pattern TITLE =
      Pattern.compile(
          "(?:(?:Univ\\.-)?Prof\\.|D?Dr\\.(?:in)?(?: ?med\\.)?|M?Mag\\.(?:a)?|Dipl\\.-Ing\\.|DI|Ing\\.|Bakk\\.|BSc|MSc|MBA)"
              + "(?![\\p{L}\\p{M}]) *");
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’]*+(?:-\\p{L}[\\p{L}\\p{M}'’]*+)*+");

  /** Words after a lead that are no name: pronouns, articles, greetings, days, the city. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "sie", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ich", "wir", "er", "es", "man", "und", "oder",
          "aber", "auch", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
          "kein", "keine", "nicht", "mit", "von", "vom", "aus", "in", "im", "am", "an", "auf", "bei", "zu", "zum",
          "zur", "für", "nach", "seit", "über", "unter", "bitte", "danke", "hallo", "guten", "tag", "liebe",
          "lieber", "sehr", "geehrte", "geehrter", "herr", "frau", "herrn", "hier", "heute", "morgen", "gestern",
          "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "vormittag",
          "nachmittag", "abend", "früh", "mittag", "mitte", "anfang", "ende", "leider", "gerne", "gern", "so",
          "wie", "was", "wer", "wo", "wann", "warum", "ist", "bin", "sind", "hat", "habe", "wird", "egal",
          "unwichtig", "unbekannt", "geheim", "anonym", "wichtig", "the", "and", "or", "from", "please", "thanks",
          "thank", "you", "hi", "hello", "dear", "i", "is", "a", "of", "to", "for", "with", "team",
          "stadt", "stadtgemeinde", "gemeinde", "magistrat", "rathaus", "bürgerservice");
  /** Functions between "Frau"/"Herr" and a name: "Frau Bürgermeisterin", "Herr Stadtrat Maier". */
  private static final Set<String> ROLES =
      Set.of(
          "bürgermeister", "bürgermeisterin", "vizebürgermeister", "vizebürgermeisterin", "stadtrat",
          "stadträtin", "gemeinderat", "gemeinderätin", "amtsleiter", "amtsleiterin", "direktor", "direktorin",
          "doktor", "doktorin", "magister", "magistra", "professor", "professorin", "pfarrer", "pfarrerin",
          "minister", "ministerin", "präsident", "präsidentin", "abgeordnete", "abgeordneter", "kollege",
          "kollegin", "nachbar", "nachbarin", "sachbearbeiter", "sachbearbeiterin", "ingenieur", "ingenieurin",
          "architekt", "architektin", "rechtsanwalt", "rechtsanwältin", "anwalt", "anwältin", "notar", "notarin");
  /** What "ich bin" is followed by when it is no name: "ich bin Mutter", "ich bin Pensionist". */
  private static final Set<String> NOT_NAMES_AFTER_I_AM =
      Set.of(
          "student", "studentin", "schüler", "schülerin", "pensionist", "pensionistin", "rentner", "rentnerin",
          "mutter", "vater", "mieter", "mieterin", "vermieter", "vermieterin", "eigentümer", "eigentümerin",
          "besitzer", "besitzerin", "bürger", "bürgerin", "staatsbürger", "staatsbürgerin", "österreicher",
          "österreicherin", "deutscher", "deutsche", "alleinerzieher", "alleinerzieherin", "lehrer", "lehrerin",
          "unternehmer", "unternehmerin", "landwirt", "landwirtin", "angestellte", "angestellter", "beamter",
          "beamtin", "hausfrau", "hausmann", "witwe", "witwer", "neu", "mitglied", "anrainer", "anrainerin",
          "bewohner", "bewohnerin", "kunde", "kundin", "patient", "patientin", "mann", "frau", "single", "oma",
          "opa", "eltern", "teil", "gerade", "schon", "noch", "selbstständig", "selbständig");
  /** Endings of common nouns, which "ich bin" is often followed by ("Pensionistin", "Angestellte"). */
  private static final List<String> NOUN_ENDINGS =
      List.of("ung", "heit", "keit", "schaft", "ismus", "erin", "entin", "istin", "antin", "ling", "ist", "ent", "ant");
  /** "eine Frau Anspruch hat": after these, "Frau" and "Herr" are nouns, not salutations. */
  private static final Set<String> NOUN_ARTICLES =
      Set.of("ein", "eine", "einer", "einen", "jede", "jeder", "jeden", "keine", "kein", "als", "welche",
          "welcher", "diese", "dieser", "pro");
  private static final int MAX_NAME_WORDS = 3;

  private final AllowedContacts allowed;

  NameFinder(AllowedContacts allowed) {
    this.allowed = allowed;
  }

  @Override
  public void find(Scan scan) {
    CharSequence text = scan.text();
    Matcher lead = LEAD.matcher(text).useTransparentBounds(true);
    int[] starts = scan.wordStarts();
    String[] leads = scan.words();
    for (int k = 0; k < starts.length; k++) {
      if (!LEAD_WORDS.contains(leads[k]) || !lead.region(starts[k], text.length()).lookingAt()) {
        continue;
      }
      Lead kind = kindOf(lead);
      if (kind == Lead.SALUTATION && !salutation(text, lead.start(), lead.group())) {
        continue;
      }
      List<int[]> words = nameWords(text, lead.end(), kind);
      int needed = kind == Lead.I_AM ? 2 : 1;
      if (words.size() < needed || (kind == Lead.CLOSING && !endsLine(text, last(words)[1]))) {
        continue;
      }
      int start = words.get(0)[0];
      int end = last(words)[1];
      List<String> name = words.stream().map(word -> text.subSequence(word[0], word[1]).toString()).toList();
      if (allowed.name(name)) {
        scan.keep(start, end);
      } else {
        scan.add(start, end, Kind.NAME);
      }
    }
  }

  private static Lead kindOf(Matcher lead) {
    if (lead.group("naming") != null) {
      return Lead.NAMING;
    }
    if (lead.group("called") != null) {
      return Lead.CALLED;
    }
    if (lead.group("iam") != null) {
      return Lead.I_AM;
    }
    return lead.group("salutation") != null ? Lead.SALUTATION : Lead.CLOSING;
  }

  /** "Frau"/"Herr" as a salutation, not as a noun ("jede Frau") nor "Fr." for Friday ("Mo–Fr."). */
  private static boolean salutation(CharSequence text, int start, String lead) {
    int end = start;
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    if (lead.equalsIgnoreCase("fr.") && end > 0 && "-–/.,".indexOf(text.charAt(end - 1)) >= 0) {
      return false;
    }
    int begin = end;
    while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
      begin--;
    }
    String before = text.subSequence(begin, end).toString().toLowerCase(Locale.ROOT);
    return !NOUN_ARTICLES.contains(before) && !(lead.equalsIgnoreCase("fr.") && before.equals("bis"));
  }

  /** The name words after a lead: titles and roles skipped, then up to three words on one line. */
  private static List<int[]> nameWords(CharSequence text, int from, Lead kind) {
    int at = skipSeparators(text, from, kind == Lead.CLOSING);
    Matcher title = TITLE.matcher(text);
    Matcher word = WORD.matcher(text);
    boolean skipped = true;
    while (skipped && at < text.length()) {
      skipped = false;
      if (title.region(at, text.length()).lookingAt()) {
        at = title.end();
        skipped = true;
      } else if (kind == Lead.SALUTATION
          && word.region(at, text.length()).lookingAt()
          && ROLES.contains(word.group().toLowerCase(Locale.ROOT))) {
        at = skipSeparators(text, word.end(), false);
        skipped = true;
      }
    }
    List<int[]> words = new ArrayList<>();
    while (words.size() < MAX_NAME_WORDS && at < text.length() && word.region(at, text.length()).lookingAt()) {
      String candidate = word.group();
      if (!nameLike(candidate, kind, words.isEmpty())) {
        break;
      }
      words.add(new int[] {word.start(), word.end()});
      at = word.end();
      if (at + 1 >= text.length() || text.charAt(at) != ' ') {
        break;
      }
      at++;
    }
    return words;
  }

  private static boolean nameLike(String word, Lead kind, boolean first) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (word.length() < 2 || NOT_NAMES.contains(lower)) {
      return false;
    }
    if (!Character.isUpperCase(word.charAt(0)) && kind != Lead.NAMING) {
      return false;
    }
    if (kind == Lead.I_AM) {
      return !NOT_NAMES_AFTER_I_AM.contains(lower)
          && !(first && Chars.endsWithAny(lower, NOUN_ENDINGS))
          && !isAllUpperCase(word);
    }
    return true;
  }

  private static int skipSeparators(CharSequence text, int at, boolean acrossLines) {
    while (at < text.length()) {
      char c = text.charAt(at);
      boolean separator = c == ' ' || (acrossLines && (c == ',' || c == '\n' || c == '\r'));
      if (!separator) {
        break;
      }
      at++;
    }
    return at;
  }

  /** A closing greeting's name is the last thing on its line ("LG Leoben" is a court, not a name). */
  private static boolean endsLine(CharSequence text, int at) {
    for (int i = at; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '.' && c != '!' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAllUpperCase(String word) {
    return word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }

  private static int[] last(List<int[]> words) {
    return words.get(words.size() - 1);
  }
}

package at.leoben.assistant.guard;

import at.leoben.assistant.guard.OutputFinding.Category;
import at.leoben.assistant.guard.OutputFinding.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Screens an AI answer before a citizen sees it: degrading statements about groups, personal data,
 * promises only an official can make, and a repeated system prompt. Pure and thread-safe; all
 * patterns are compiled once, so a 2,000-character answer takes about half a millisecond.
 */
@ApplicationScoped
public class OutputScreen {

  private static final int LEAK_WORDS = 8;
  private static final Pattern LEAK_PHRASES =
      Pattern.compile(
          "\\b(meine? system[ -]?prompt|meine anweisungen lauten|my system[ -]?prompt|my instructions are)\\b");

  private final Lexicon lexicon = Lexicon.load("guard/discrimination.txt");
  private final List<Pattern> promises = patterns("guard/promises.txt");
  private final PersonalData personalData;
  // Written once at start-up by knowPrompt, read by every screen: volatile, never mutated in place.
  private volatile long[] promptGrams = new long[0];

  @Inject
  public OutputScreen(OutputScreenConfig config) {
    this(Set.copyOf(config.allowedContacts().orElse(List.of())));
  }

  OutputScreen(Set<String> allowedContacts) {
    this.personalData = new PersonalData(allowedContacts);
  }

  /**
   * Remembers a system prompt so that answers repeating {@value #LEAK_WORDS} or more of its words
   * in a row are withheld. Each call adds a prompt (e.g. one per language).
   */
  public synchronized void knowPrompt(String systemPromptText) {
    long[] grams = wordGrams(wordHashes(fold(systemPromptText)));
    promptGrams =
        LongStream.concat(Arrays.stream(promptGrams), Arrays.stream(grams)).sorted().distinct().toArray();
  }

  /** The findings for an answer, at most one per category, in category order. */
  public List<OutputFinding> screen(String answer) {
    String folded = fold(answer);
    // Phrases and numbers may be broken across lines; only the sentence split needs line breaks.
    String flat = folded.replace('\n', ' ');
    Map<Category, OutputFinding> findings = new EnumMap<>(Category.class);
    String offence = lexicon.offence(folded);
    if (offence != null) {
      findings.put(Category.DISCRIMINATION, new OutputFinding(Category.DISCRIMINATION, Severity.WITHHOLD, offence));
    }
    String kinds = personalData.kinds(flat);
    if (kinds != null) {
      findings.put(Category.PERSONAL_DATA, new OutputFinding(Category.PERSONAL_DATA, Severity.FLAG, kinds));
    }
    String promise = promise(flat);
    if (promise != null) {
      findings.put(Category.PROMISE, new OutputFinding(Category.PROMISE, Severity.FLAG, promise));
    }
    String leak = leak(flat);
    if (leak != null) {
      findings.put(Category.PROMPT_LEAK, new OutputFinding(Category.PROMPT_LEAK, Severity.WITHHOLD, leak));
    }
    return List.copyOf(findings.values());
  }

  private String promise(String flat) {
    for (Pattern pattern : promises) {
      Matcher matcher = pattern.matcher(flat);
      if (matcher.find()) {
        // A few words say what was promised; the promise itself carries no personal data.
        String words = Arrays.stream(matcher.group().split(" ")).limit(5).collect(Collectors.joining(" "));
        return "promise or ruling: \"" + words + "\"";
      }
    }
    return null;
  }

  private String leak(String flat) {
    if (LEAK_PHRASES.matcher(flat).find()) {
      return "talks about its system prompt";
    }
    long[] known = promptGrams;
    if (known.length == 0) {
      return null;
    }
    for (long gram : wordGrams(wordHashes(flat))) {
      if (Arrays.binarySearch(known, gram) >= 0) {
        return "repeats " + LEAK_WORDS + " or more consecutive words of the system prompt";
      }
    }
    return null;
  }

  /**
   * {@link TextFold} line by line: line breaks end a sentence (list items rarely end in a full stop),
   * so they survive the fold.
   */
  private static String fold(String text) {
    return text.lines().map(TextFold::fold).collect(Collectors.joining("\n"));
  }



  /** One 64-bit hash (FNV-1a) per word. */
  private static long[] wordHashes(String folded) {
    return TextFold.words(folded).stream()
        .mapToLong(
            word -> {
              long hash = 0xcbf29ce484222325L;
              for (int i = 0; i < word.length(); i++) {
                hash = (hash ^ word.charAt(i)) * 0x100000001b3L;
              }
              return hash;
            })
        .toArray();
  }

  /** A hash for every run of {@value #LEAK_WORDS} consecutive words. */
  private static long[] wordGrams(long[] words) {
    int count = Math.max(0, words.length - LEAK_WORDS + 1);
    long[] grams = new long[count];
    for (int start = 0; start < count; start++) {
      long gram = 0;
      for (int k = start; k < start + LEAK_WORDS; k++) {
        gram = (gram ^ words[k]) * 0x9e3779b97f4a7c15L;
      }
      grams[start] = gram;
    }
    return grams;
  }

  private static List<Pattern> patterns(String resource) {
    return ResourceLines.read(resource).stream().map(Pattern::compile).toList();
  }

  /**
   * The discrimination lexicon as a trie over a-z and space, so that every word start of an
   * answer is looked up in one walk of a few characters.
   */
  private static final class Lexicon {

    private enum Section {
      GROUPS,
      DEGRADING,
      PREDICATIVE,
      SLURS,
      OTHERING,
      GENERALISERS,
      PEOPLE,
      PREDICATES;

      int bit() {
        return 1 << ordinal();
      }
    }

    private static final Pattern ENTRY = Pattern.compile("[a-z]+( [a-z]+)*\\$?");
    // "sind alle gewalttätig", "are naturally more aggressive": up to three words after the verb.
    private static final int PREDICATE_REACH = 3;
    private static final int DEGRADES = Section.DEGRADING.bit() | Section.PREDICATIVE.bit();

    private final Node root = new Node();

    static Lexicon load(String resource) {
      Lexicon lexicon = new Lexicon();
      Section section = null;
      for (String line : ResourceLines.read(resource)) {
        if (line.startsWith("[") && line.endsWith("]")) {
          section = Section.valueOf(line.substring(1, line.length() - 1).toUpperCase(Locale.ROOT));
        } else if (section == null || !ENTRY.matcher(TextFold.fold(line)).matches()) {
          throw new IllegalStateException(resource + ": entry outside a section or not a-z: " + line);
        } else {
          lexicon.add(TextFold.fold(line), section);
        }
      }
      return lexicon;
    }

    private void add(String entry, Section section) {
      boolean wholeWord = entry.endsWith("$");
      String word = wholeWord ? entry.substring(0, entry.length() - 1) : entry;
      Node node = root;
      for (int i = 0; i < word.length(); i++) {
        node = node.childOrNew(word.charAt(i));
      }
      if (wholeWord) {
        node.wordBits |= section.bit();
      } else {
        node.prefixBits |= section.bit();
      }
    }

    /** Why the folded answer is discriminating, or null; sentence by sentence. */
    String offence(String folded) {
      int bits = 0;
      boolean predicated = false;
      int reach = 0;
      for (int i = 0; i <= folded.length(); i++) {
        char c = i < folded.length() ? folded.charAt(i) : '\n';
        if (endsSentence(c)) {
          String offence = offence(bits, predicated);
          if (offence != null) {
            return offence;
          }
          bits = 0;
          predicated = false;
          reach = 0;
        } else if (Character.isLetterOrDigit(c) && (i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1)))) {
          int match = matchAt(folded, i);
          if (reach > 0) {
            predicated |= (match & DEGRADES) != 0;
            reach--;
          }
          if (has(match, Section.PREDICATES)) {
            reach = PREDICATE_REACH;
          }
          bits |= match;
        }
      }
      return null;
    }

    private static String offence(int bits, boolean predicated) {
      if (has(bits, Section.SLURS)) {
        return "slur";
      }
      if (has(bits, Section.OTHERING)) {
        return "remark on the citizen's origin, name or kind";
      }
      if (has(bits, Section.GROUPS) && has(bits, Section.DEGRADING)) {
        return "degrading word about a group";
      }
      // "Solche Leute sind faul": with a generaliser, "Leute" stands for a group.
      boolean aboutAGroup =
          has(bits, Section.GROUPS) || has(bits, Section.GENERALISERS) && has(bits, Section.PEOPLE);
      if (predicated && aboutAGroup) {
        return "degrading claim about what a group is";
      }
      return null;
    }

    private static boolean endsSentence(char c) {
      return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
    }

    private static boolean has(int bits, Section section) {
      return (bits & section.bit()) != 0;
    }

    /**
     * The sections of all entries that start at {@code start}. A run of spaces and punctuation
     * inside the sentence walks the trie's space, so "don't" meets the entry "don t".
     */
    private int matchAt(String text, int start) {
      int bits = 0;
      Node node = root;
      int i = start;
      while (node != null && i < text.length()) {
        char c = text.charAt(i);
        if (Character.isLetterOrDigit(c)) {
          node = node.child(c);
          i++;
        } else {
          while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i)) && !endsSentence(text.charAt(i))) {
            i++;
          }
          if (i == text.length() || endsSentence(text.charAt(i))) {
            break;
          }
          node = node.child(' ');
        }
        if (node != null) {
          bits |= node.prefixBits;
          if (i == text.length() || !Character.isLetterOrDigit(text.charAt(i))) {
            bits |= node.wordBits;
          }
        }
      }
      return bits;
    }

    private static final class Node {
      private final Node[] children = new Node[27];
      private int prefixBits;
      private int wordBits;

      Node child(char c) {
        int index = index(c);
        return index < 0 ? null : children[index];
      }

      Node childOrNew(char c) {
        int index = index(c);
        if (children[index] == null) {
          children[index] = new Node();
        }
        return children[index];
      }

      private static int index(char c) {
        if (c >= 'a' && c <= 'z') {
          return c - 'a';
        }
        return c == ' ' ? 26 : -1;
      }
    }
  }

  /**
   * Finds e-mail addresses, IBANs, card numbers, phone numbers and Austrian social-security numbers.
   * Numbers are validated (checksums, dates) so that prices, dates and file numbers pass. Each kind
   * found is blanked out before the next is looked for, so an IBAN is not also read as a phone.
   */
  private static final class PersonalData {

    private static final Pattern EMAIL =
        Pattern.compile("(?<![a-z0-9._%+-])[a-z0-9._%+-]++@(?:[a-z0-9-]++\\.)+[a-z]{2,}+");
    private static final Pattern IBAN =
        Pattern.compile("(?<![a-z0-9])[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){2,7}+(?: ?[a-z0-9]{1,3})?");
    private static final Pattern CARD = Pattern.compile("(?<![\\d+])[2-6]\\d{3}(?:[ -]?\\d){9,15}+(?!\\d)");
    private static final Pattern PHONE =
        Pattern.compile("(?<![a-z0-9+/.,-])(?:\\+|0)(?:[ /-]?(?:\\(0\\) ?)?\\d){6,16}+(?!\\d)");
    private static final Pattern DATE = Pattern.compile("\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}");
    private static final Pattern SSN = Pattern.compile("(?<![\\d+])[1-9]\\d{3} ?\\d{6}(?!\\d)");
    // The shortest number worth a look: a Vienna landline, "01 4000 0".
    private static final int SPAN_DIGITS = 7;
    private static final int SPAN_GAP = 6;
    private static final int SPAN_MARGIN = 4;
    private static final int[] SSN_WEIGHTS = {3, 7, 9, 0, 5, 8, 4, 2, 1, 6};
    private static final Map<String, Integer> IBAN_LENGTHS =
        Map.ofEntries(
            Map.entry("ad", 24), Map.entry("al", 28), Map.entry("at", 20), Map.entry("ba", 20),
            Map.entry("be", 16), Map.entry("bg", 22), Map.entry("ch", 21), Map.entry("cy", 28),
            Map.entry("cz", 24), Map.entry("de", 22), Map.entry("dk", 18), Map.entry("ee", 20),
            Map.entry("es", 24), Map.entry("fi", 18), Map.entry("fr", 27), Map.entry("gb", 22),
            Map.entry("gr", 27), Map.entry("hr", 21), Map.entry("hu", 28), Map.entry("ie", 22),
            Map.entry("is", 26), Map.entry("it", 27), Map.entry("li", 21), Map.entry("lt", 20),
            Map.entry("lu", 20), Map.entry("lv", 21), Map.entry("mc", 27), Map.entry("me", 22),
            Map.entry("mk", 19), Map.entry("mt", 31), Map.entry("nl", 18), Map.entry("no", 15),
            Map.entry("pl", 28), Map.entry("pt", 25), Map.entry("ro", 24), Map.entry("rs", 22),
            Map.entry("se", 24), Map.entry("si", 19), Map.entry("sk", 24), Map.entry("sm", 27),
            Map.entry("tr", 26), Map.entry("ua", 29), Map.entry("xk", 20));

    /** In the order a finding names them. */
    private enum Kind {
      EMAIL("e-mail address"),
      IBAN("IBAN"),
      CARD("credit-card number"),
      PHONE("phone number"),
      SSN("social-security number");

      private final String label;

      Kind(String label) {
        this.label = label;
      }
    }

    private final Set<String> allowed;

    PersonalData(Set<String> allowedContacts) {
      this.allowed = allowedContacts.stream().map(PersonalData::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** The kinds of personal data in the flat folded answer ("e-mail address, IBAN"), or null. */
    String kinds(String flat) {
      StringBuilder text = new StringBuilder(flat);
      Set<Kind> kinds = EnumSet.noneOf(Kind.class);
      if (flat.indexOf('@') >= 0) {
        scan(text, 0, text.length(), EMAIL, email -> !allowed.contains(email), Kind.EMAIL, kinds);
      }
      // Most of an answer is words; the number patterns only run where digits cluster.
      for (int[] span : numberSpans(text)) {
        scan(text, span[0], span[1], IBAN, PersonalData::validIbanPrefix, Kind.IBAN, kinds);
        scan(text, span[0], span[1], CARD, number -> luhn(digits(number)), Kind.CARD, kinds);
        scan(text, span[0], span[1], PHONE, this::unlistedPhone, Kind.PHONE, kinds);
        scan(text, span[0], span[1], SSN, number -> validSsn(digits(number)), Kind.SSN, kinds);
      }
      return kinds.isEmpty() ? null : kinds.stream().map(kind -> kind.label).collect(Collectors.joining(", "));
    }

    /**
     * Stretches of text holding at least {@value #SPAN_DIGITS} digits, none further than {@value
     * #SPAN_GAP} characters from the next ("gb29 nwbk 6016"), widened to take in a leading "+", an
     * IBAN's country code and the letters some IBANs end in.
     */
    private static List<int[]> numberSpans(CharSequence text) {
      List<int[]> spans = new ArrayList<>();
      int first = -1;
      int last = -1;
      int count = 0;
      for (int i = 0; i <= text.length(); i++) {
        boolean digit = i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
        if (!digit && i < text.length()) {
          continue;
        }
        if (first >= 0 && (i == text.length() || i - last - 1 > SPAN_GAP)) {
          if (count >= SPAN_DIGITS) {
            spans.add(new int[] {Math.max(0, first - SPAN_MARGIN), Math.min(text.length(), last + 1 + SPAN_MARGIN)});
          }
          first = -1;
          count = 0;
        }
        if (digit) {
          first = first < 0 ? i : first;
          last = i;
          count++;
        }
      }
      return spans;
    }

    private static void scan(
        StringBuilder text, int from, int to, Pattern pattern, Predicate<String> counts, Kind kind, Set<Kind> kinds) {
      // Transparent bounds: the look-arounds still see the characters around the span.
      Matcher matcher = pattern.matcher(text).region(from, to).useTransparentBounds(true);
      while (matcher.find()) {
        if (counts.test(matcher.group())) {
          kinds.add(kind);
          // Blanked with a letter: look-behinds then refuse to start a number inside it.
          for (int i = matcher.start(); i < matcher.end(); i++) {
            text.setCharAt(i, 'x');
          }
        }
      }
    }

    private boolean unlistedPhone(String candidate) {
      if (DATE.matcher(candidate).matches()) {
        return false;
      }
      boolean international = candidate.startsWith("+") || candidate.startsWith("00");
      int digits = digits(candidate.replace("(0)", "")).length();
      return digits >= (international ? 9 : 7) && !allowed.contains(normalise(candidate));
    }

    /**
     * E-mail addresses lower case; phone numbers digits only, with country code and without the
     * trunk 0: "+43 3842 4062-0", "0043 3842 40620" and "03842/4062-0" all become 43384240620.
     */
    static String normalise(String contact) {
      String lower = contact.strip().toLowerCase(Locale.ROOT);
      if (lower.contains("@")) {
        return lower;
      }
      String digits = digits(lower.replace("(0)", ""));
      if (lower.startsWith("+")) {
        return digits;
      }
      if (digits.startsWith("00")) {
        return digits.substring(2);
      }
      return digits.startsWith("0") ? "43" + digits.substring(1) : digits;
    }

    private static String digits(String text) {
      StringBuilder digits = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          digits.append(c);
        }
      }
      return digits.toString();
    }

    /** The candidate may run into the next word, so only the country's IBAN length is checked. */
    private static boolean validIbanPrefix(String candidate) {
      String compact = candidate.replace(" ", "");
      Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
      return length != null && compact.length() >= length && ibanChecksum(compact.substring(0, length));
    }

    private static boolean ibanChecksum(String iban) {
      String rearranged = iban.substring(4) + iban.substring(0, 4);
      int remainder = 0;
      for (int i = 0; i < rearranged.length(); i++) {
        int value = Character.digit(rearranged.charAt(i), 36);
        remainder = (value < 10 ? remainder * 10 : remainder * 100) + value;
        remainder %= 97;
      }
      return remainder == 1;
    }

    private static boolean luhn(String digits) {
      int sum = 0;
      for (int i = 0; i < digits.length(); i++) {
        int digit = digits.charAt(digits.length() - 1 - i) - '0';
        if (i % 2 == 1) {
          digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
        }
        sum += digit;
      }
      return sum % 10 == 0;
    }

    /** Serial (3 digits), check digit, birth date ddmmyy; the check digit is a weighted sum mod 11. */
    private static boolean validSsn(String digits) {
      int sum = 0;
      for (int i = 0; i < 10; i++) {
        sum += SSN_WEIGHTS[i] * (digits.charAt(i) - '0');
      }
      int check = sum % 11;
      int day = Integer.parseInt(digits.substring(4, 6));
      int month = Integer.parseInt(digits.substring(6, 8));
      return check != 10
          && check == digits.charAt(3) - '0'
          && day >= 1 && day <= 31
          && month >= 1 && month <= 12;
    }
  }
}

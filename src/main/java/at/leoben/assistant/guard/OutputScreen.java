package at.leoben.assistant.guard;

import at.leoben.assistant.guard.OutputFinding.Category;
import at.leoben.assistant.guard.OutputFinding.Severity;
import at.leoben.assistant.privacy.Kind;
import at.leoben.assistant.privacy.Redactor;
import at.leoben.assistant.resources.TextResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * How many words of earlier text a finding can reach back over: a stream screened piece by piece
   * must screen each new piece with at least this many words before it, starting at a sentence
   * start (the other checks look at one sentence at a time).
   */
  public static final int REACH_WORDS = LEAK_WORDS - 1;
  private static final Pattern LEAK_PHRASES =
      Pattern.compile(
          "\\b(meine? system[ -]?prompt|meine anweisungen lauten|my system[ -]?prompt|my instructions are)\\b");

  /** How a finding names each kind, in this order. */
  private static final Map<Kind, String> PERSONAL_DATA_LABELS = labels();

  private final DiscriminationLexicon lexicon = DiscriminationLexicon.load("guard/discrimination.txt");
  private final List<Pattern> promises = patterns("guard/promises.txt");
  private final Redactor personalData;
  // Written once at start-up by knowPrompt, read by every screen: volatile, never mutated in place.
  private volatile long[] promptGrams = new long[0];

  @Inject
  public OutputScreen(Redactor personalData) {
    this.personalData = personalData;
  }

  /** With these contacts allowed, for tests and tools without the container. */
  public OutputScreen(Set<String> allowedContacts) {
    this(new Redactor(() -> allowedContacts));
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

  /** How many words the screen sees in a text (after folding, as it compares them). */
  public int words(String text) {
    return TextFold.words(fold(text)).size();
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
    String kinds = personalDataKinds(answer);
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

  /** The kinds of personal data in an answer ("e-mail address, IBAN"), or null; never the data itself. */
  private String personalDataKinds(String answer) {
    Set<Kind> found = personalData.contactsAndNumbers(answer);
    String kinds = PERSONAL_DATA_LABELS.entrySet().stream()
        .filter(label -> found.contains(label.getKey()))
        .map(Map.Entry::getValue)
        .collect(Collectors.joining(", "));
    return kinds.isEmpty() ? null : kinds;
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

  private static Map<Kind, String> labels() {
    Map<Kind, String> labels = new java.util.LinkedHashMap<>();
    labels.put(Kind.EMAIL, "e-mail address");
    labels.put(Kind.IBAN, "IBAN");
    labels.put(Kind.CARD, "credit-card number");
    labels.put(Kind.PHONE, "phone number");
    labels.put(Kind.SVNR, "social-security number");
    return java.util.Collections.unmodifiableMap(labels);
  }

  private static List<Pattern> patterns(String resource) {
    return TextResources.lines(resource).stream().map(Pattern::compile).toList();
  }
}

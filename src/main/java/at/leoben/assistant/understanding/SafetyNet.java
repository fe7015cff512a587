package at.leoben.assistant.understanding;

import at.leoben.assistant.resources.TextResources;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import opennlp.tools.doccat.DoccatModel;

/**
 * The deterministic safety net: two readers over every message, with the model down or up, in
 * about a millisecond. The vocabulary knows the words and the patterns of a personal situation
 * ("mein Kind hat …", "steht mir … zu"); the classifier, trained from the corpus, knows how such
 * messages read when they use none of those words. The safer reading wins, in the order that
 * matters to the citizen: crisis over everything (also one sentence in a long letter), then a
 * clear request for misuse, the sensitive areas, a request for a person, then misuse as the
 * classifier reads it, then small talk. Look-alikes ({@code not:} lines) veto both readers.
 */
public final class SafetyNet {

  private static final List<String> AREAS =
      List.of("health", "social-benefits", "asylum-residence", "child-welfare", "criminal-police", "legal-advice");

  private final Vocabulary vocabulary;
  private final IntentClassifier classifier;
  private final Settings settings;

  /** Thresholds of the classifier per intent ({@code understanding/settings.properties}). */
  record Settings(
      double crisis,
      double crisisSentence,
      double sensitive,
      double sensitiveSentence,
      double person,
      double misuse,
      double smallTalk,
      int smallTalkMaxWords,
      double overOrdinary,
      double ordinaryVeto,
      double maybeVeto,
      String algorithm,
      int iterations,
      int cutoff) {

    static Settings parse(String text) {
      Properties p = new Properties();
      try {
        p.load(new StringReader(text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // The evaluator sweeps thresholds with -Dunderstanding.<key>=<value>.
      for (String key : p.stringPropertyNames()) {
        String override = System.getProperty("understanding." + key);
        if (override != null) {
          p.setProperty(key, override);
        }
      }
      return new Settings(
          Double.parseDouble(p.getProperty("crisis")),
          Double.parseDouble(p.getProperty("crisis.sentence")),
          Double.parseDouble(p.getProperty("sensitive")),
          Double.parseDouble(p.getProperty("sensitive.sentence")),
          Double.parseDouble(p.getProperty("person")),
          Double.parseDouble(p.getProperty("misuse")),
          Double.parseDouble(p.getProperty("smalltalk")),
          Integer.parseInt(p.getProperty("smalltalk.max-words")),
          Double.parseDouble(p.getProperty("over-ordinary")),
          Double.parseDouble(p.getProperty("ordinary.veto")),
          Double.parseDouble(p.getProperty("maybe.veto", "0.9")),
          p.getProperty("algorithm", "MAXENT"),
          Integer.parseInt(p.getProperty("iterations")),
          Integer.parseInt(p.getProperty("cutoff", "1")));
    }
  }

  SafetyNet(Vocabulary vocabulary, IntentClassifier classifier, Settings settings) {
    this.vocabulary = vocabulary;
    this.classifier = classifier;
    this.settings = settings;
  }

  /** The shipped vocabulary, corpus and settings (the corpus files listed in {@code understanding/corpus/index.txt}). */
  public static SafetyNet shipped() {
    return from(
        TextResources.lines("understanding/vocabulary.txt"),
        TextResources.lines("understanding/corpus/index.txt").stream()
            .map(name -> TextResources.read("understanding/corpus/" + name))
            .toList(),
        TextResources.read("understanding/settings.properties"));
  }

  /** A city's own vocabulary, corpus and settings: a folder laid out like {@code src/main/resources/understanding}. */
  public static SafetyNet fromFolder(Path folder) {
    try {
      List<String> corpus = new ArrayList<>();
      for (String name : TextResources.lines(folder.resolve("corpus/index.txt"))) {
        corpus.add(Files.readString(folder.resolve("corpus").resolve(name)));
      }
      return from(
          TextResources.lines(folder.resolve("vocabulary.txt")), corpus, Files.readString(folder.resolve("settings.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A safety net from a vocabulary, corpus files (YAML) and settings; the model comes from {@link ModelCache}. */
  public static SafetyNet from(List<String> vocabularyLines, List<String> corpusFiles, String settingsText) {
    Settings settings = Settings.parse(settingsText);
    List<String> trainedFrom = new ArrayList<>(corpusFiles);
    trainedFrom.add(settings.algorithm() + "/" + settings.iterations() + "/" + settings.cutoff());
    DoccatModel model =
        ModelCache.get(
            trainedFrom,
            () -> {
              List<Corpus.Example> examples = new ArrayList<>();
              corpusFiles.forEach(file -> examples.addAll(Corpus.parse(file)));
              return IntentClassifier.train(examples, settings.algorithm(), settings.iterations(), settings.cutoff());
            });
    return new SafetyNet(new Vocabulary(vocabularyLines), new IntentClassifier(model), settings);
  }

  public Reading read(String message) {
    List<String> words = Fold.words(Fold.skeleton(message));
    if (words.isEmpty()) {
      return Reading.ordinary();
    }
    List<String> vocab = vocabulary.labels(words);
    Map<String, Double> whole = classifier.probabilities(message);
    List<String> sentences = Fold.sentences(message);
    List<Map<String, Double>> parts =
        sentences.size() > 1 ? sentences.stream().map(classifier::probabilities).toList() : List.of();
    List<List<String>> sentenceWords =
        sentences.size() > 1 ? sentences.stream().map(sentence -> Fold.words(Fold.skeleton(sentence))).toList() : List.of();

    Set<String> by = new LinkedHashSet<>();
    // 1. Crisis, over everything. A look-alike cancels crisis only in its own sentence: "Der Lärm
    // bringt mich noch um." must not hide "Ich will nicht mehr leben." in the next one.
    boolean lookAlike = vocabulary.isLookAlike("crisis", words);
    if (vocab.contains("crisis")
        || (lookAlike && sentenceWords.stream().anyMatch(w -> vocabulary.labels(w).contains("crisis")))
        || meant(whole, parts, () -> vocabulary.maybe("crisis", words), i -> vocabulary.maybe("crisis", sentenceWords.get(i)))) {
      by.add("vocabulary");
    }
    // A sentence the classifier reads as crisis for a maybe:crisis word in it ("Ich halt das nicht
    // mehr aus, seit Wochen holt niemand den Sperrmüll ab") is vetoed as that word is.
    boolean ordinaryWhole = p(whole, "ordinary") >= settings.maybeVeto();
    if ((!lookAlike && reads(whole, "crisis", settings.crisis()))
        || IntStream.range(0, parts.size())
            .anyMatch(
                i ->
                    reads(parts.get(i), "crisis", settings.crisisSentence())
                        && !(lookAlike && vocabulary.isLookAlike("crisis", sentenceWords.get(i)))
                        && !(ordinaryWhole && vocabulary.maybe("crisis", sentenceWords.get(i))))) {
      by.add("classifier");
    }
    if (!by.isEmpty()) {
      return new Reading(new Intent.Crisis(), Set.copyOf(by));
    }
    // 2. A clear request for misuse (the vocabulary's patterns are precise).
    if (vocab.contains("misuse")) {
      return new Reading(new Intent.Misuse(), Set.of("vocabulary"));
    }
    // 3. Sensitive areas: the vocabulary's area, else the classifier's most likely area.
    Optional<String> vocabArea = AREAS.stream().filter(vocab::contains).findFirst();
    Optional<String> modelArea = sensitiveArea(whole, settings.sensitive(), words);
    if (modelArea.isEmpty()) {
      for (int i : parts.isEmpty() ? List.<Integer>of() : asked(sentences)) {
        modelArea = sensitiveArea(parts.get(i), settings.sensitiveSentence(), words);
        if (modelArea.isPresent()) {
          break;
        }
      }
    }
    // A word of the vocabulary in a message the classifier reads as clearly ordinary, and in none of
    // whose sentences it reads a sensitive area, is a look-alike ("Ich beziehe Mindestsicherung. Bis wann ... Heizkostenzuschuss?").
    if (vocabArea.isPresent() && modelArea.isEmpty() && clearlyOrdinary(vocabArea.get(), whole, sentences, sentenceWords, parts)) {
      vocabArea = Optional.empty();
    }
    // A request the classifier reads as misuse above everything else names an area only as its
    // material (a forged sick note names an illness, the neighbours' benefits name a benefit): it is
    // refused, not handed over to an office.
    if (modelArea.isEmpty()
        && vocabArea.isPresent()
        && readsAboveAll(whole, "misuse", settings.misuse())
        && !vocabulary.isLookAlike("misuse", words)) {
      return new Reading(new Intent.Misuse(), Set.of("classifier"));
    }
    if (vocabArea.isPresent() || modelArea.isPresent()) {
      Set<String> layers = new LinkedHashSet<>();
      vocabArea.ifPresent(a -> layers.add("vocabulary"));
      modelArea.ifPresent(a -> layers.add("classifier"));
      return new Reading(new Intent.Sensitive(vocabArea.orElseGet(modelArea::get)), Set.copyOf(layers));
    }
    // 4. A person.
    boolean personByVocab = vocab.contains("person");
    boolean personByModel = reads(whole, "person", settings.person()) && !vocabulary.isLookAlike("person", words);
    if (personByVocab || personByModel) {
      return new Reading(new Intent.Person(), layers(personByVocab, personByModel));
    }
    // Every sentence small talk: "Danke. Und das Standesamt?" is a question with thanks.
    boolean talkByVocab =
        words.size() <= settings.smallTalkMaxWords()
            && vocab.contains("smalltalk")
            && p(whole, "ordinary") < 0.5
            && sentences.stream()
                .allMatch(sentence -> vocabulary.labels(Fold.words(Fold.skeleton(sentence))).contains("smalltalk"));
    // 5. Misuse as the classifier reads it; a question about the assistant itself ("Was bist du für
    // ein Programm, so wie ChatGPT?") sounds like an injection to it but is small talk.
    // Nor is it misuse when the classifier itself finds small talk more likely.
    if (reads(whole, "misuse", settings.misuse())
        && p(whole, "misuse") >= p(whole, "smalltalk")
        && !vocabulary.isLookAlike("misuse", words)
        && !talkByVocab) {
      return new Reading(new Intent.Misuse(), Set.of("classifier"));
    }
    // 6. Small talk: short, and nothing else asked.
    if (words.size() <= settings.smallTalkMaxWords()) {
      boolean talkByModel = reads(whole, "smalltalk", settings.smallTalk()) && !vocabulary.isLookAlike("smalltalk", words);
      if (talkByVocab || talkByModel) {
        return new Reading(new Intent.SmallTalk(), layers(talkByVocab, talkByModel));
      }
    }
    return Reading.ordinary();
  }

  /**
   * Whether another reader's crisis term means a crisis: like a {@code maybe:crisis} word, it does
   * unless the classifier reads the message, or the term's own sentence, as clearly ordinary ("ein
   * Flohmarkt zugunsten des Frauenhauses", "die Gebühren sind zum Sterben hoch").
   */
  public boolean meansCrisis(String message, Predicate<String> hasTerm) {
    Map<String, Double> whole = classifier.probabilities(message);
    List<String> sentences = Fold.sentences(message);
    // The sentences are read only when the whole message leaves the question open.
    List<Map<String, Double>> parts =
        sentences.size() > 1 && p(whole, "ordinary") < settings.maybeVeto()
            ? sentences.stream().map(classifier::probabilities).toList()
            : List.of();
    return meant(whole, parts, () -> hasTerm.test(message), i -> hasTerm.test(sentences.get(i)));
  }

  /**
   * A word that is crisis only when meant ("verzweifelt", "Strick", "ich kann nicht mehr"): not
   * where the classifier reads the message, or the word's own sentence, as clearly ordinary ("Ich
   * kann nicht mehr! Seit drei Tagen kein Wasser"; "einen Sack voll Strick und Seil gefunden").
   * Chosen leaving one writer out (bench/writers.sh): no crisis message of fifteen writers lost.
   * {@code parts} are the sentences' readings (none for a message of one sentence).
   */
  private boolean meant(
      Map<String, Double> whole, List<Map<String, Double>> parts, BooleanSupplier inMessage, IntPredicate inSentence) {
    if (p(whole, "ordinary") >= settings.maybeVeto()) {
      return false;
    }
    return parts.isEmpty()
        ? inMessage.getAsBoolean()
        : IntStream.range(0, parts.size()).anyMatch(i -> inSentence.test(i) && p(parts.get(i), "ordinary") < settings.maybeVeto());
  }

  /**
   * The sentences whose reading can hand a message over, by index: with a question mark in the
   * message only its questions ("Ich bin Asylwerber und habe ein Zimmer. Wie melde ich mich an?"
   * tells a fact to ask an ordinary question); without one, every sentence.
   */
  private static List<Integer> asked(List<String> sentences) {
    boolean[] asking = new boolean[sentences.size()];
    // A clause split off before "und …" belongs to the question it continues into: "Kann ich meinen
    // Pflichtteil einfordern | und wie hoch wäre der?" asks about the Pflichtteil.
    for (int i = sentences.size() - 1; i >= 0; i--) {
      String sentence = sentences.get(i);
      asking[i] = sentence.endsWith("?") || sentence.endsWith("؟")
          || (i + 1 < asking.length && asking[i + 1] && !sentence.matches("(?s).*[.!;:]$"));
    }
    boolean asks = IntStream.range(0, asking.length).anyMatch(i -> asking[i]);
    return IntStream.range(0, asking.length).filter(i -> !asks || asking[i]).boxed().toList();
  }

  /**
   * Whether the classifier reads a message as clearly ordinary, and also each of its sentences in
   * which the vocabulary finds the area: in a message that mixes an ordinary and a sensitive
   * question ("Wann hat das Bürgerservice offen? Und ... ein Knoten am Hals, ist das schlimm?") the
   * ordinary part must not outvote the sensitive one.
   */
  private boolean clearlyOrdinary(
      String area,
      Map<String, Double> whole,
      List<String> sentences,
      List<List<String>> sentenceWords,
      List<Map<String, Double>> parts) {
    if (p(whole, "ordinary") < settings.ordinaryVeto()) {
      return false;
    }
    if (sentences.size() < 2) {
      return true;
    }
    // Only questions count: "Mein Sohn hat Diabetes. Wie melde ich ihn im Kindergarten an?" tells a
    // fact to ask an ordinary question. Each sentence was read by both readers already.
    for (int i : asked(sentences)) {
      if (vocabulary.labels(sentenceWords.get(i)).contains(area) && p(parts.get(i), "ordinary") < settings.ordinaryVeto()) {
        return false;
      }
    }
    return true;
  }

  private Optional<String> sensitiveArea(Map<String, Double> probabilities, double threshold, List<String> words) {
    String best = null;
    double bestP = 0;
    for (String area : AREAS) {
      double p = p(probabilities, area);
      if (p > bestP) {
        best = area;
        bestP = p;
      }
    }
    if (best == null || !reads(probabilities, best, threshold) || vocabulary.isLookAlike(best, words)) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** Whether a message is one of the vocabulary's look-alikes for a label ({@code not:label} lines). */
  public boolean looksLike(String label, String message) {
    return vocabulary.isLookAlike(label, Fold.words(Fold.skeleton(message)));
  }

  /** The classifier's probabilities for a message (for the evaluator's explanations). */
  public Map<String, Double> probabilities(String message) {
    return classifier.probabilities(message);
  }

  private static Set<String> layers(boolean vocabulary, boolean classifier) {
    Set<String> layers = new LinkedHashSet<>();
    if (vocabulary) {
      layers.add("vocabulary");
    }
    if (classifier) {
      layers.add("classifier");
    }
    return Set.copyOf(layers);
  }

  /** The classifier reads a label: likely enough, and more likely than an ordinary question by the set factor. */
  private boolean reads(Map<String, Double> probabilities, String label, double threshold) {
    double p = p(probabilities, label);
    return p >= threshold && p >= settings.overOrdinary() * p(probabilities, "ordinary");
  }

  /** The classifier reads a label, and no other label as likely. */
  private boolean readsAboveAll(Map<String, Double> probabilities, String label, double threshold) {
    double p = p(probabilities, label);
    return reads(probabilities, label, threshold)
        && probabilities.values().stream().allMatch(other -> other <= p);
  }

  private static double p(Map<String, Double> probabilities, String label) {
    return probabilities.getOrDefault(label, 0.0);
  }
}

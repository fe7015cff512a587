package at.leoben.assistant.understanding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * The statistical reader: Apache OpenNLP's maximum-entropy document categoriser, trained when the
 * service starts from the labelled corpus in the repository. It reads skeleton words, word pairs
 * and the letter groups inside words (all as one bag of features), so "jugendamd", "Jugendamt's" and "jugentamt" share most of
 * their features and a dialect spelling is not a new word.
 */
final class IntentClassifier {

  private static final int GROUP = 4;

  private final DoccatModel model;
  // Stateless between calls (bag-of-words features, an immutable maxent model): shared by all turns.
  private final DocumentCategorizerME categorizer;

  IntentClassifier(DoccatModel model) {
    this.model = model;
    this.categorizer = new DocumentCategorizerME(model);
  }

  /** Trains a model (seconds; see {@link ModelCache} for starts after the first). */
  static DoccatModel train(List<Corpus.Example> examples, String algorithm, int iterations, int cutoff) {
    List<DocumentSample> samples = new ArrayList<>();
    for (Corpus.Example example : examples) {
      String[] tokens = tokens(example.text());
      if (tokens.length > 0) {
        samples.add(new DocumentSample(example.label(), tokens));
      }
    }
    TrainingParameters parameters = TrainingParameters.defaultParams();
    parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
    parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff);
    parameters.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
    try {
      return DocumentCategorizerME.train("de", new CollectionObjectStream<>(samples), parameters, new DoccatFactory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The probability of each label for a message. */
  Map<String, Double> probabilities(String text) {
    String[] tokens = tokens(text);
    Map<String, Double> result = new LinkedHashMap<>();
    if (tokens.length == 0) {
      return result;
    }
    double[] outcomes = categorizer.categorize(tokens);
    for (int i = 0; i < outcomes.length; i++) {
      result.put(categorizer.getCategory(i), outcomes[i]);
    }
    return result;
  }

  /**
   * The features of a message as "words" of one bag: the skeleton words, each pair of neighbours
   * ({@code b=mein_kind}) and the letter groups of four inside each word ({@code g=jugn}).
   */
  static String[] tokens(String text) {
    List<String> words = Fold.words(Fold.skeleton(text));
    List<String> features = new ArrayList<>(words.size() * 8);
    features.addAll(words);
    for (int i = 0; i + 1 < words.size(); i++) {
      features.add("b=" + words.get(i) + "_" + words.get(i + 1));
    }
    for (String word : words) {
      String padded = "_" + word + "_";
      if (padded.length() <= GROUP) {
        continue;
      }
      for (int i = 0; i + GROUP <= padded.length(); i++) {
        features.add("g=" + padded.substring(i, i + GROUP));
      }
    }
    return features.toArray(String[]::new);
  }
}

package at.leoben.assistant.bench;

import at.leoben.assistant.guard.GuardCorpus;
import at.leoben.assistant.guard.InputGuard;
import at.leoben.assistant.resources.TextResources;
import at.leoben.assistant.understanding.SafetyNet;
import at.leoben.assistant.understanding.SafetyNetEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run by hand through {@code bench/writers.sh}: leave one writer out. For each named corpus file
 * (a set in issue 16's format), the safety net is trained without that file and scored on it, so
 * the classifier meets a writer it never read; the input guard around it runs as the turn runs
 * it, and the rates are summed over the writers. The vocabulary stays whole (it was tuned on some
 * of these sets' misses), so this measures the classifier and the decision rules, not the word lists.
 */
public final class WriterBench {

  private WriterBench() {}

  public static void main(String[] args) throws Exception {
    boolean showMisses = args.length > 0 && args[0].equals("--misses");
    List<String> left = List.of(args).subList(showMisses ? 1 : 0, args.length);
    List<String> vocabulary = TextResources.lines("understanding/vocabulary.txt");
    List<String> index = TextResources.lines("understanding/corpus/index.txt");
    String settings = TextResources.read("understanding/settings.properties");
    Map<String, int[]> total = new LinkedHashMap<>();
    for (String name : left) {
      if (!index.contains(name)) {
        throw new IllegalArgumentException(name + " is not in understanding/corpus/index.txt");
      }
      List<String> corpus = new ArrayList<>();
      index.stream().filter(other -> !other.equals(name)).forEach(other -> corpus.add(TextResources.read("understanding/corpus/" + other)));
      long start = System.nanoTime();
      SafetyNet net = SafetyNet.from(vocabulary, corpus, settings);
      Path file = Files.createTempFile("writer-", ".yaml");
      Files.writeString(file, TextResources.read("understanding/corpus/" + name));
      InputGuard guard = GuardCorpus.inputGuard(net);
      SafetyNetEvaluation.Result result =
          SafetyNetEvaluation.score(text -> GuardCorpus.label(guard.check(text)), SafetyNetEvaluation.items(file));
      Files.delete(file);
      System.out.printf("%n== %s left out (trained without it in %.0f s)%n", name, (System.nanoTime() - start) / 1e9);
      result.rates().forEach((measure, rate) -> {
        System.out.printf("%-40s %s%n", measure, rate);
        int[] sum = total.computeIfAbsent(measure, m -> new int[2]);
        sum[0] += rate.hits();
        sum[1] += rate.cases();
      });
      if (showMisses) {
        result.misses().forEach(System.out::println);
      }
    }
    System.out.printf("%n== all %d writers, each left out in turn%n", left.size());
    total.forEach((measure, sum) -> System.out.printf("%-40s %s%n", measure, new SafetyNetEvaluation.Rate(sum[0], sum[1])));
  }
}

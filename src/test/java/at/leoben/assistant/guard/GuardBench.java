package at.leoben.assistant.guard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Run by hand through {@code bench/guards.sh}: precision and recall of the guards per class on the
 * labelled corpus, and their cost per turn (input checks on the question plus the output screen
 * on a 1,500-character answer).
 */
public final class GuardBench {

  private static final int ROUNDS = 200;

  public static void main(String[] args) {
    List<GuardCorpus.Sample> samples = GuardCorpus.samples();
    Map<String, GuardCorpus.Rate> rates = GuardCorpus.score(samples);
    System.out.printf("corpus: %d labelled inputs%n", samples.size());
    rates.forEach((measure, rate) -> System.out.printf("%-42s %s%n", measure, rate));

    InputGuard input = GuardCorpus.inputGuard();
    OutputScreen output = GuardCorpus.outputScreen();
    String answer = typicalAnswer();
    List<Long> nanos = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (GuardCorpus.Sample sample : samples) {
        long start = System.nanoTime();
        input.check(sample.text());
        output.screen(answer);
        if (round >= ROUNDS / 4) { // the first quarter warms up the JIT
          nanos.add(System.nanoTime() - start);
        }
      }
    }
    Collections.sort(nanos);
    System.out.printf(
        "screening cost per turn over %d turns: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        nanos.size(),
        nanos.get(nanos.size() / 2) / 1e6,
        nanos.get((int) (nanos.size() * 0.99)) / 1e6,
        nanos.get(nanos.size() - 1) / 1e6);
  }

  private static String typicalAnswer() {
    String sentence =
        "Sie melden Ihren Hauptwohnsitz im Bürgerservice im Rathaus an; bringen Sie bitte einen"
            + " Lichtbildausweis und den ausgefüllten Meldezettel mit [1]. ";
    return sentence.repeat(1500 / sentence.length() + 1).substring(0, 1500);
  }
}

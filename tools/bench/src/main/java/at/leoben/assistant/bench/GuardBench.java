package at.leoben.assistant.bench;

import at.leoben.assistant.guard.GuardCorpus;
import at.leoben.assistant.guard.InputGuard;
import at.leoben.assistant.guard.OutputScreen;
import at.leoben.assistant.understanding.SafetyNetEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Run by hand through {@code bench/guards.sh}. With evaluation-set files as arguments: issue 16's
 * rates per file and the safety net's cost per turn. Without: precision and recall of the guards per class on the
 * labelled corpus, their cost per turn (input checks on the question plus the output screen on a
 * 1,500-character answer), and the output screen alone on a 2,000-character answer that names the
 * city's contacts.
 */
public final class GuardBench {

  private static final int ROUNDS = 200;
  private static final String PROMPT =
      "Du bist der KI-Bürgerassistent der Stadtgemeinde Leoben und beantwortest Fragen ausschließlich"
          + " auf Basis der bereitgestellten Dokumente ohne eigene Vermutungen.";

  public static void main(String[] args) {
    if (args.length > 0) {
      // bench/guards.sh FILE...: issue 16's rates on evaluation sets, and the safety net's cost.
      SafetyNetEvaluation.main(args);
      safetyNetCost(args[args.length - 1]);
      return;
    }
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
    screenAlone();
  }

  /**
   * The added cost per turn of the deterministic layer: the input guard with the safety net on
   * every message of an evaluation set, after a warm-up.
   */
  private static void safetyNetCost(String file) {
    InputGuard input = GuardCorpus.inputGuard();
    List<String> texts = new ArrayList<>();
    for (SafetyNetEvaluation.Item item : SafetyNetEvaluation.items(Path.of(file))) {
      if (item.turns().isEmpty()) {
        texts.add(item.text());
      } else {
        texts.addAll(item.turns());
      }
    }
    List<Long> nanos = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      for (String text : texts) {
        long start = System.nanoTime();
        input.check(text);
        if (round >= 10) {
          nanos.add(System.nanoTime() - start);
        }
      }
    }
    Collections.sort(nanos);
    System.out.printf(
        "%nsafety net (input guard) per turn over %d messages: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        nanos.size(),
        nanos.get(nanos.size() / 2) / 1e6,
        nanos.get((int) (nanos.size() * 0.99)) / 1e6,
        nanos.get(nanos.size() - 1) / 1e6);
  }

  private static void screenAlone() {
    OutputScreen screen = GuardCorpus.outputScreen("buergerservice@leoben.at", "+43 3842 4062-0");
    screen.knowPrompt(PROMPT);
    String answer = answerWithContacts();
    for (int i = 0; i < 5_000; i++) {
      screen.screen(answer);
    }
    long[] nanos = new long[5_000];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      screen.screen(answer);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "output screen alone, %d chars with the city's contacts: p50 %.3f ms, p99 %.3f ms%n",
        answer.length(), nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
  }

  private static String answerWithContacts() {
    String paragraph =
        "Den Hauptwohnsitz melden Sie im Bürgerservice im Rathaus Leoben, Erzherzog-Johann-Straße 2,"
            + " 8700 Leoben, an. Bringen Sie einen amtlichen Lichtbildausweis und den Meldezettel mit."
            + " Das Bürgerservice ist Montag bis Freitag von 08:00 bis 12:00 Uhr geöffnet, telefonisch"
            + " unter +43 3842 4062-0 oder per E-Mail an buergerservice@leoben.at erreichbar. Die"
            + " Anmeldung ist gebührenfrei; Frist: drei Tage nach dem Bezug der Wohnung (§ 3 MeldeG).\n";
    return paragraph.repeat(2_000 / paragraph.length() + 1).substring(0, 2_000);
  }

  private static String typicalAnswer() {
    String sentence =
        "Sie melden Ihren Hauptwohnsitz im Bürgerservice im Rathaus an; bringen Sie bitte einen"
            + " Lichtbildausweis und den ausgefüllten Meldezettel mit [1]. ";
    return sentence.repeat(1500 / sentence.length() + 1).substring(0, 1500);
  }
}

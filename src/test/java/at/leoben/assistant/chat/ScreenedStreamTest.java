package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Responsible;
import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.guard.OutputScreen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A streamed answer is screened piece by piece; what a citizen sees must be what a whole screen lets through. */
class ScreenedStreamTest {

  private static final String PROMPT =
      "Du bist der KI-Bürgerassistent der Stadtgemeinde Leoben und beantwortest Fragen ausschließlich"
          + " auf Basis der bereitgestellten Dokumente ohne eigene Vermutungen.";
  private static final String CLEAN = "Das Bürgerservice im Rathaus hat von Montag bis Freitag geöffnet. ";
  private static final Disclosure DISCLOSURE =
      new Disclosure(
          Disclosure.LABEL,
          "Diese Antwort wurde von einer KI erstellt.",
          "llama3.1:8b",
          new Responsible("Mag. Erika Muster", "Digital.Team", "digital@leoben.at"),
          Instant.EPOCH,
          null);

  /** A 45-word sentence: without a bound on the hold-back, nothing of it would go out before its end. */
  private static final String LONG_SENTENCE =
      "Für die Anmeldung eines Hauptwohnsitzes in Leoben bringen Sie bitte einen amtlichen Lichtbildausweis,"
          + " den vollständig ausgefüllten und von der Unterkunftgeberin unterschriebenen"
          + " Meldezettel sowie bei Personen aus dem Ausland zusätzlich den Reisepass und gegebenenfalls eine"
          + " Aufenthaltsbestätigung in das Bürgerservice im Erdgeschoss des Rathauses bitte gleich mit.";

  private final OutputScreen screen = new OutputScreen(java.util.Set.of());
  private final AtomicLong nanos = new AtomicLong();
  private final ScreenedStream stream;

  ScreenedStreamTest() {
    screen.knowPrompt(PROMPT);
    stream = new ScreenedStream(screen, DISCLOSURE, new HoldBack(240, Duration.ofSeconds(3)), nanos::get);
  }

  private static String sent(List<StreamEvent> events) {
    return events.stream()
        .filter(StreamEvent.Delta.class::isInstance)
        .map(event -> ((StreamEvent.Delta) event).delta().text())
        .reduce("", String::concat);
  }

  /** Feeds the answer word by word, as a model streams it; returns the text the citizen was sent. */
  private String feed(String answer) {
    StringBuilder sent = new StringBuilder();
    for (String token : answer.split("(?<= )")) {
      ScreenedStream.Step step = stream.add(new DisclosedDelta(token, DISCLOSURE));
      step.events().stream()
          .filter(StreamEvent.Delta.class::isInstance)
          .map(event -> ((StreamEvent.Delta) event).delta().text())
          .forEach(sent::append);
      if (step.withheld()) {
        break;
      }
    }
    return sent.toString();
  }

  @Test
  void aLongAnswerReachesTheCitizenWholeAndLabelledFirst() {
    String answer = CLEAN.repeat(60) + "Kommen Sie gerne vorbei.";
    List<StreamEvent> events = new ArrayList<>();
    for (String token : answer.split("(?<= )")) {
      events.addAll(stream.add(new DisclosedDelta(token, DISCLOSURE)).events());
    }
    events.addAll(stream.complete(answer).events());

    assertThat(events.get(0)).isInstanceOf(StreamEvent.DisclosureEvent.class);
    assertThat(events.stream().filter(StreamEvent.DisclosureEvent.class::isInstance)).hasSize(1);
    String sent =
        events.stream()
            .filter(StreamEvent.Delta.class::isInstance)
            .map(event -> ((StreamEvent.Delta) event).delta().text())
            .reduce("", String::concat);
    assertThat(sent).isEqualTo(answer);
    assertThat(stream.isWithheld()).isFalse();
    assertThat(stream.findings()).isEmpty();
  }

  @Test
  void thePromptRepeatedOverSeveralShortSentencesIsStoppedBeforeTheSentenceThatCompletesIt() {
    // Eight words of the prompt in a row, spread over four sentences of two words each.
    String sent = feed(CLEAN.repeat(20) + "Du bist. Der KI. Bürgerassistent der. Stadtgemeinde Leoben. Schönen Tag. ");

    assertThat(stream.isWithheld()).isTrue();
    assertThat(sent).endsWith("Bürgerassistent der.").doesNotContain("Stadtgemeinde");
    assertThat(stream.findings()).extracting(OutputFinding::category).contains(OutputFinding.Category.PROMPT_LEAK);
    assertThat(stream.written()).contains("Stadtgemeinde Leoben.");
  }

  @Test
  void aDegradingSentenceLateInALongAnswerIsNotShown() {
    String sent = feed(CLEAN.repeat(40) + "Alle Ausländer sind faul und kriminell. Schönen Tag. ");

    assertThat(stream.isWithheld()).isTrue();
    assertThat(sent).isEqualTo(CLEAN.repeat(40).strip()).doesNotContain("faul");
    assertThat(stream.findings()).extracting(OutputFinding::category).contains(OutputFinding.Category.DISCRIMINATION);
  }

  @Test
  void aPromiseEarlyInTheAnswerIsStillFoundWhenTheScreenHasMovedOn() {
    String sent = feed("Ihr Antrag wird sicher genehmigt. " + CLEAN.repeat(20));

    assertThat(stream.isWithheld()).isFalse();
    assertThat(sent).startsWith("Ihr Antrag wird sicher genehmigt.");
    assertThat(stream.findings()).extracting(OutputFinding::category).containsExactly(OutputFinding.Category.PROMISE);
  }

  @Test
  void aLongSentenceWrittenSlowlyGoesOutOnceItHasWaitedNotAtItsEnd() {
    assertThat(LONG_SENTENCE.split(" ")).hasSize(45);
    List<String> tokens = List.of(LONG_SENTENCE.split("(?<= )"));
    List<StreamEvent> first = List.of();
    int token = 0;
    for (; token < tokens.size() && first.isEmpty(); token++) {
      first = stream.add(new DisclosedDelta(tokens.get(token), DISCLOSURE)).events();
      nanos.addAndGet(Duration.ofMillis(2_500).toNanos()); // one token every 2.5 s
    }

    // The third token comes 5 s after the first: what was written has waited long enough.
    assertThat(token).isEqualTo(3);
    assertThat(first.get(0)).isInstanceOf(StreamEvent.DisclosureEvent.class);
    assertThat(sent(first)).isEqualTo("Für die Anmeldung ");

    List<StreamEvent> events = new ArrayList<>(first);
    for (; token < tokens.size(); token++) {
      events.addAll(stream.add(new DisclosedDelta(tokens.get(token), DISCLOSURE)).events());
      nanos.addAndGet(Duration.ofMillis(2_500).toNanos());
    }
    events.addAll(stream.complete(LONG_SENTENCE).events());
    assertThat(sent(events)).isEqualTo(LONG_SENTENCE);
    assertThat(events.stream().filter(StreamEvent.Delta.class::isInstance).count()).isGreaterThan(10);
  }

  @Test
  void heldTextGoesOutWhenItIsDueEvenIfTheModelWritesNothingMore() {
    stream.add(new DisclosedDelta("Das Bürgerservice", DISCLOSURE));
    stream.add(new DisclosedDelta(" im Rath", DISCLOSURE));
    assertThat(stream.tick().events()).isEmpty();
    assertThat(stream.untilDue()).contains(Duration.ofSeconds(3));

    nanos.addAndGet(Duration.ofSeconds(3).toNanos());
    assertThat(stream.untilDue()).contains(Duration.ZERO);
    assertThat(sent(stream.tick().events())).isEqualTo("Das Bürgerservice im");
    // The word still being written waits on, with a wait of its own.
    assertThat(stream.untilDue()).contains(Duration.ofSeconds(3));
    assertThat(stream.written()).isEqualTo("Das Bürgerservice im Rath");
  }

  @Test
  void aFindingInTextReleasedForTimeStillStopsTheRest() {
    stream.add(new DisclosedDelta(CLEAN, DISCLOSURE));
    stream.add(new DisclosedDelta("Alle Ausländer sind faul und", DISCLOSURE));
    nanos.addAndGet(Duration.ofSeconds(3).toNanos());

    ScreenedStream.Step step = stream.tick();
    assertThat(step.withheld()).isTrue();
    assertThat(sent(step.events())).isEmpty();
    assertThat(stream.untilDue()).isEmpty();
  }
}

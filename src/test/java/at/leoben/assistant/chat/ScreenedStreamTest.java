package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.disclosure.Responsible;
import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.guard.OutputScreen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  private final OutputScreen screen = new OutputScreen(java.util.Set.of());
  private final ScreenedStream stream;

  ScreenedStreamTest() {
    screen.knowPrompt(PROMPT);
    stream = new ScreenedStream(screen, DISCLOSURE);
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
}

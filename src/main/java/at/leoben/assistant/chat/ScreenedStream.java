package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.guard.OutputScreen;
import java.util.ArrayList;
import java.util.List;

/**
 * Screens a streamed answer as it arrives. Text is held back until a sentence ends, then the whole
 * answer so far is screened, and only a clean sentence is sent: a withheld answer stops before the
 * citizen sees the offending sentence. The disclosure goes out with the first sentence.
 */
final class ScreenedStream {

  /** What to send now, and whether the answer is withheld from here on. */
  record Step(List<StreamEvent> events, boolean withheld) {}

  private final OutputScreen screen;
  private final Disclosure disclosure;
  private final StringBuilder shown = new StringBuilder();
  private final StringBuilder pending = new StringBuilder();
  private List<OutputFinding> findings = List.of();
  private boolean disclosed;
  private boolean withheld;

  ScreenedStream(OutputScreen screen, Disclosure disclosure) {
    this.screen = screen;
    this.disclosure = disclosure;
  }

  synchronized Step add(DisclosedDelta delta) {
    if (withheld) {
      return new Step(List.of(), true);
    }
    pending.append(delta.text());
    int end = lastSentenceEnd(pending);
    return end < 0 ? new Step(List.of(), false) : release(end);
  }

  /** The model is done: screen the complete answer and release what is still held back. */
  synchronized Step complete(String fullAnswer) {
    if (withheld) {
      return new Step(List.of(), true);
    }
    findings = screen.screen(fullAnswer);
    if (Screening.withholds(findings)) {
      withheld = true;
      return new Step(List.of(), true);
    }
    return pending.isEmpty() ? new Step(List.of(), false) : emit(pending.length());
  }

  synchronized boolean isWithheld() {
    return withheld;
  }

  /** Everything the model wrote so far, shown or not, for the clerk. */
  synchronized String written() {
    return shown.toString() + pending;
  }

  synchronized List<OutputFinding> findings() {
    return findings;
  }

  private Step release(int end) {
    findings = screen.screen(shown + pending.substring(0, end));
    if (Screening.withholds(findings)) {
      withheld = true;
      return new Step(List.of(), true);
    }
    return emit(end);
  }

  private Step emit(int end) {
    List<StreamEvent> events = new ArrayList<>();
    if (!disclosed) {
      disclosed = true;
      events.add(new StreamEvent.DisclosureEvent(disclosure));
    }
    String sentence = pending.substring(0, end);
    pending.delete(0, end);
    shown.append(sentence);
    events.add(new StreamEvent.Delta(new DisclosedDelta(sentence, disclosure)));
    return new Step(events, false);
  }

  /** After the last ". ", "! ", "? " or line break; -1 while the sentence goes on. */
  private static int lastSentenceEnd(CharSequence text) {
    for (int i = text.length() - 2; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n' || ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1)))) {
        return i + 1;
      }
    }
    return -1;
  }
}

package at.leoben.assistant.chat;

import at.leoben.assistant.disclosure.DisclosedDelta;
import at.leoben.assistant.disclosure.Disclosure;
import at.leoben.assistant.guard.OutputFinding;
import at.leoben.assistant.guard.OutputScreen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Screens a streamed answer as it arrives. Text is held back until a sentence ends, or until the
 * {@link HoldBack} bound (characters, time) says it has waited long enough; then the new text is
 * screened together with the sentences before them that a finding could reach back
 * over ({@link ScreenWindow}), and only clean text is sent: a withheld answer stops
 * before the citizen sees the offending sentence. Screening only that window keeps the cost of a
 * long answer linear in its length (screening the whole answer at every sentence grew with its
 * square). The complete answer is screened once more as a whole before it is stored. The
 * disclosure goes out with the first sentence.
 */
final class ScreenedStream {

  /** What to send now, and whether the answer is withheld from here on. */
  record Step(List<StreamEvent> events, boolean withheld) {}

  private final OutputScreen screen;
  private final Disclosure disclosure;
  private final HoldBack holdBack;
  private final LongSupplier nanoTime;
  private final StringBuilder shown = new StringBuilder();
  private final StringBuilder pending = new StringBuilder();
  private final ScreenWindow window = new ScreenWindow(OutputScreen.REACH_WORDS);
  private final List<ScreenWindow.Piece> sent = new ArrayList<>();
  private List<OutputFinding> findings = List.of();
  private boolean disclosed;
  private boolean withheld;
  private boolean done;
  /** When the oldest text in {@link #pending} arrived ({@link System#nanoTime()} scale). */
  private long heldSince;

  ScreenedStream(OutputScreen screen, Disclosure disclosure, HoldBack holdBack) {
    this(screen, disclosure, holdBack, System::nanoTime);
  }

  ScreenedStream(OutputScreen screen, Disclosure disclosure, HoldBack holdBack, LongSupplier nanoTime) {
    this.screen = screen;
    this.disclosure = disclosure;
    this.holdBack = holdBack;
    this.nanoTime = nanoTime;
  }

  synchronized Step add(DisclosedDelta delta) {
    if (withheld || done) {
      return new Step(List.of(), withheld);
    }
    if (pending.isEmpty()) {
      heldSince = nanoTime.getAsLong();
    }
    pending.append(delta.text());
    return releaseDue();
  }

  /** No new text, but time passed: releases held text that has waited long enough. */
  synchronized Step tick() {
    if (withheld || done) {
      return new Step(List.of(), withheld);
    }
    return releaseDue();
  }

  /** How long until held text is due (zero if it is); empty when nothing is held. */
  synchronized Optional<Duration> untilDue() {
    if (withheld || done || pending.isEmpty()) {
      return Optional.empty();
    }
    Duration left = holdBack.maxWait().minus(heldFor());
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  private Step releaseDue() {
    int end = holdBack.releasable(pending, heldFor());
    return end == 0 ? new Step(List.of(), false) : release(end);
  }

  private Duration heldFor() {
    return Duration.ofNanos(nanoTime.getAsLong() - heldSince);
  }

  /**
   * The model is done: screen the complete answer and release what is still held back (all of it
   * when nothing came before it).
   */
  synchronized Step complete(String fullAnswer) {
    if (withheld) {
      return new Step(List.of(), true);
    }
    done = true;
    if (shown.isEmpty() && pending.isEmpty()) {
      // An answer that came whole (asked without streaming) is written and sent at once.
      pending.append(fullAnswer);
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
    findings = merge(findings, screen.screen(shown.substring(window.start(sent)) + pending.substring(0, end)));
    if (Screening.withholds(findings)) {
      withheld = true;
      return new Step(List.of(), true);
    }
    return emit(end);
  }

  /** Earlier findings stay (the window has moved past them); new categories are added. */
  private static List<OutputFinding> merge(List<OutputFinding> earlier, List<OutputFinding> found) {
    Map<OutputFinding.Category, OutputFinding> all = new EnumMap<>(OutputFinding.Category.class);
    found.forEach(finding -> all.put(finding.category(), finding));
    earlier.forEach(finding -> all.put(finding.category(), finding));
    return List.copyOf(all.values());
  }

  private Step emit(int end) {
    List<StreamEvent> events = new ArrayList<>();
    if (!disclosed) {
      disclosed = true;
      events.add(new StreamEvent.DisclosureEvent(disclosure));
    }
    String sentence = pending.substring(0, end);
    pending.delete(0, end);
    // What stays (the word still being written) starts a fresh wait: released at most one wait late.
    heldSince = nanoTime.getAsLong();
    sent.add(new ScreenWindow.Piece(shown.length(), screen.words(sentence)));
    shown.append(sentence);
    events.add(new StreamEvent.Delta(new DisclosedDelta(sentence, disclosure)));
    return new Step(events, false);
  }
}

package at.leoben.assistant.chat;

import java.util.List;

/**
 * How much of the text already sent a streamed answer's next piece is screened with: the latest
 * pieces sent that together hold at least {@code reachWords} words, so that a finding reaching back
 * over sentences (a prompt repeated a sentence at a time) is still seen, while the cost of a long
 * answer stays linear in its length. A pure function of the pieces sent, like {@link HoldBack}.
 */
record ScreenWindow(int reachWords) {

  /** A piece of text sent to the citizen: where it starts in all the text sent, and its words. */
  record Piece(int start, int words) {}

  ScreenWindow {
    if (reachWords < 1) {
      throw new IllegalArgumentException("reachWords must be positive, not " + reachWords);
    }
  }

  /** Where the window starts in all the text sent: 0 while fewer than {@code reachWords} words were sent. */
  int start(List<Piece> sent) {
    int words = 0;
    for (int i = sent.size() - 1; i >= 0; i--) {
      words += sent.get(i).words();
      if (words >= reachWords) {
        return sent.get(i).start();
      }
    }
    return 0;
  }
}

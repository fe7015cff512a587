package at.leoben.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The window a streamed answer's next sentence is screened with: enough words back, no more. */
class ScreenWindowTest {

  private static final ScreenWindow WINDOW = new ScreenWindow(10);

  @Test
  void untilEnoughWordsWereSentTheWholeAnswerIsScreenedAgain() {
    assertThat(WINDOW.start(List.of())).isZero();
    assertThat(WINDOW.start(List.of(new ScreenWindow.Piece(0, 4), new ScreenWindow.Piece(20, 5)))).isZero();
  }

  @Test
  void theWindowHoldsTheLatestSentencesThatReachBackFarEnough() {
    List<ScreenWindow.Piece> sent =
        List.of(
            new ScreenWindow.Piece(0, 6), new ScreenWindow.Piece(30, 6),
            new ScreenWindow.Piece(60, 3), new ScreenWindow.Piece(75, 4));
    // 4 + 3 words are not enough; with the sentence before them, 13 are.
    assertThat(WINDOW.start(sent)).isEqualTo(30);
  }

  @Test
  void oneLongSentenceIsTheWholeWindow() {
    assertThat(WINDOW.start(List.of(new ScreenWindow.Piece(0, 4), new ScreenWindow.Piece(20, 40)))).isEqualTo(20);
  }

  @Test
  void aWindowOfNoWordsIsRefused() {
    assertThatThrownBy(() -> new ScreenWindow(0)).isInstanceOf(IllegalArgumentException.class);
  }
}

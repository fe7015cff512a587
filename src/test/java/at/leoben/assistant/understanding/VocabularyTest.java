package at.leoben.assistant.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vocabulary file's three kinds of line, as a city writes them. */
class VocabularyTest {

  private static List<String> words(String text) {
    return Fold.words(Fold.skeleton(text));
  }

  @Test
  void aMaybeWordIsNoLabelOfItsOwnAndALookAlikeCancelsIt() {
    Vocabulary vocabulary =
        new Vocabulary(List.of("crisis | nicht mehr leben", "maybe:crisis | =verzweifelt", "not:crisis | =verzweifelt .. =müll"));
    assertThat(vocabulary.labels(words("Ich bin verzweifelt."))).doesNotContain("crisis");
    assertThat(vocabulary.maybe("crisis", words("Ich bin verzweifelt."))).isTrue();
    assertThat(vocabulary.maybe("crisis", words("Ich bin verzweifelt wegen dem Müll."))).isFalse();
    assertThat(vocabulary.labels(words("Ich will nicht mehr leben."))).containsExactly("crisis");
  }

  @Test
  void aKindOrLabelTheNetDoesNotReadIsRefusedWhenTheFileIsLoaded() {
    assertThatThrownBy(() -> new Vocabulary(List.of("maybe:health | fieber"))).hasMessageContaining("crisis only");
    assertThatThrownBy(() -> new Vocabulary(List.of("perhaps:crisis | fieber"))).hasMessageContaining("unknown label");
    assertThatThrownBy(() -> new Vocabulary(List.of(":crisis | fieber"))).hasMessageContaining("unknown label");
    assertThatThrownBy(() -> new Vocabulary(List.of("crisis fieber"))).hasMessageContaining("label | pattern");
  }
}

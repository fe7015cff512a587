package at.leoben.assistant.llm;

/** Rejects output no citizen can use: empty, no letters at all, or mostly control characters. */
final class OutputSanity {

  private OutputSanity() {}

  static boolean isUsable(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    long letters = text.codePoints().filter(Character::isLetter).count();
    long control =
        text.codePoints()
            .filter(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') || c == 0xFFFD)
            .count();
    return letters > 0 && control * 20 < text.length();
  }
}

package at.leoben.assistant.guard;

import at.leoben.assistant.resources.TextResources;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The discrimination lexicon as a trie over a-z and space, so that every word start of an
 * answer is looked up in one walk of a few characters.
 */
final class DiscriminationLexicon {

  private enum Section {
    GROUPS,
    DEGRADING,
    PREDICATIVE,
    SLURS,
    OTHERING,
    GENERALISERS,
    PEOPLE,
    PREDICATES;

    int bit() {
      return 1 << ordinal();
    }
  }

  private static final Pattern ENTRY = Pattern.compile("[a-z]+( [a-z]+)*\\$?");
  // "sind alle gewalttätig", "are naturally more aggressive": up to three words after the verb.
  private static final int PREDICATE_REACH = 3;
  private static final int DEGRADES = Section.DEGRADING.bit() | Section.PREDICATIVE.bit();

  private final Node root = new Node();

  static DiscriminationLexicon load(String resource) {
    DiscriminationLexicon lexicon = new DiscriminationLexicon();
    Section section = null;
    for (String line : TextResources.lines(resource)) {
      if (line.startsWith("[") && line.endsWith("]")) {
        section = Section.valueOf(line.substring(1, line.length() - 1).toUpperCase(Locale.ROOT));
      } else if (section == null || !ENTRY.matcher(TextFold.fold(line)).matches()) {
        throw new IllegalStateException(resource + ": entry outside a section or not a-z: " + line);
      } else {
        lexicon.add(TextFold.fold(line), section);
      }
    }
    return lexicon;
  }

  private void add(String entry, Section section) {
    boolean wholeWord = entry.endsWith("$");
    String word = wholeWord ? entry.substring(0, entry.length() - 1) : entry;
    Node node = root;
    for (int i = 0; i < word.length(); i++) {
      node = node.childOrNew(word.charAt(i));
    }
    if (wholeWord) {
      node.wordBits |= section.bit();
    } else {
      node.prefixBits |= section.bit();
    }
  }

  /** Why the folded answer is discriminating, or null; sentence by sentence. */
  String offence(String folded) {
    int bits = 0;
    boolean predicated = false;
    int reach = 0;
    for (int i = 0; i <= folded.length(); i++) {
      char c = i < folded.length() ? folded.charAt(i) : '\n';
      if (endsSentence(c)) {
        String offence = offence(bits, predicated);
        if (offence != null) {
          return offence;
        }
        bits = 0;
        predicated = false;
        reach = 0;
      } else if (Character.isLetterOrDigit(c) && (i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1)))) {
        int match = matchAt(folded, i);
        if (reach > 0) {
          predicated |= (match & DEGRADES) != 0;
          reach--;
        }
        if (has(match, Section.PREDICATES)) {
          reach = PREDICATE_REACH;
        }
        bits |= match;
      }
    }
    return null;
  }

  private static String offence(int bits, boolean predicated) {
    if (has(bits, Section.SLURS)) {
      return "slur";
    }
    if (has(bits, Section.OTHERING)) {
      return "remark on the citizen's origin, name or kind";
    }
    if (has(bits, Section.GROUPS) && has(bits, Section.DEGRADING)) {
      return "degrading word about a group";
    }
    // "Solche Leute sind faul": with a generaliser, "Leute" stands for a group.
    boolean aboutAGroup =
        has(bits, Section.GROUPS) || has(bits, Section.GENERALISERS) && has(bits, Section.PEOPLE);
    if (predicated && aboutAGroup) {
      return "degrading claim about what a group is";
    }
    return null;
  }

  private static boolean endsSentence(char c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
  }

  private static boolean has(int bits, Section section) {
    return (bits & section.bit()) != 0;
  }

  /**
   * The sections of all entries that start at {@code start}. A run of spaces and punctuation
   * inside the sentence walks the trie's space, so "don't" meets the entry "don t".
   */
  private int matchAt(String text, int start) {
    int bits = 0;
    Node node = root;
    int i = start;
    while (node != null && i < text.length()) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        node = node.child(c);
        i++;
      } else {
        while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i)) && !endsSentence(text.charAt(i))) {
          i++;
        }
        if (i == text.length() || endsSentence(text.charAt(i))) {
          break;
        }
        node = node.child(' ');
      }
      if (node != null) {
        bits |= node.prefixBits;
        if (i == text.length() || !Character.isLetterOrDigit(text.charAt(i))) {
          bits |= node.wordBits;
        }
      }
    }
    return bits;
  }

  private static final class Node {
    private final Node[] children = new Node[27];
    private int prefixBits;
    private int wordBits;

    Node child(char c) {
      int index = index(c);
      return index < 0 ? null : children[index];
    }

    Node childOrNew(char c) {
      int index = index(c);
      if (children[index] == null) {
        children[index] = new Node();
      }
      return children[index];
    }

    private static int index(char c) {
      if (c >= 'a' && c <= 'z') {
        return c - 'a';
      }
      return c == ' ' ? 26 : -1;
    }
  }
}

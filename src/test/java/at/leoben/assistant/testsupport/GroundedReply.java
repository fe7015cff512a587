package at.leoben.assistant.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Ollama stand-in answers when it plays a careful model: it reads the numbered excerpts
 * the service quoted in a message before the question ("[n] Title – Heading" and the text), takes the one that
 * shares the most words with the question, and answers with its text and its number. So the facts
 * of the city's knowledge can be found in the answer exactly when retrieval gave the right passage.
 */
public final class GroundedReply {

  public static final String NO_INFORMATION = "Dazu habe ich in den Informationen der Stadt keine gesicherte Auskunft.";

  private static final String EXCERPTS = "Auszüge aus den Informationen der Stadt Leoben";
  private static final String CLOSE = "</auszuege>";
  private static final Pattern HEADER = Pattern.compile("(?m)^\\[(\\d{1,2})] (.+)$");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final int PIECE = 4;
  private static final Set<String> IGNORED = Set.of("leoben", "stadt", "welche", "welcher", "wann", "warum", "muss",
      "kann", "brauche", "bekomme", "meine", "meinen", "meinem", "einen", "einer", "eine", "nach", "oder", "what", "where",
      "does", "have", "with", "from", "this", "that", "there");

  /** One numbered excerpt of the prompt. */
  public record Passage(int ref, String header, String text) {}

  private GroundedReply() {}

  /** The reply to an Ollama {@code /api/chat} request body. */
  public static String answer(JsonNode request) {
    JsonNode messages = request.path("messages");
    String excerpts = "";
    String question = "";
    for (JsonNode message : messages) {
      String content = message.path("content").asText("");
      if ("user".equals(message.path("role").asText())) {
        if (content.startsWith(EXCERPTS)) {
          excerpts = content;
        } else {
          question = content;
        }
      }
    }
    List<Passage> passages = passages(excerpts);
    if (passages.isEmpty()) {
      return NO_INFORMATION;
    }
    Passage best = best(passages, question);
    return best.text().replaceAll("\\s+", " ").strip() + " [" + best.ref() + "]";
  }

  /** The excerpts in the order the service numbered them, from the message that quotes them. */
  public static List<Passage> passages(String excerptsMessage) {
    int start = excerptsMessage.indexOf(EXCERPTS);
    List<Passage> passages = new ArrayList<>();
    if (start < 0) {
      return passages;
    }
    int end = excerptsMessage.lastIndexOf(CLOSE);
    String block = excerptsMessage.substring(start + EXCERPTS.length(), end > start ? end : excerptsMessage.length());
    Matcher header = HEADER.matcher(block);
    List<int[]> bounds = new ArrayList<>();
    List<String[]> heads = new ArrayList<>();
    while (header.find()) {
      bounds.add(new int[] {header.start(), header.end()});
      heads.add(new String[] {header.group(1), header.group(2)});
    }
    for (int i = 0; i < bounds.size(); i++) {
      int textEnd = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : block.length();
      String text = block.substring(bounds.get(i)[1], textEnd).strip();
      passages.add(new Passage(Integer.parseInt(heads.get(i)[0]), heads.get(i)[1], text));
    }
    return passages;
  }

  /**
   * The passage that covers most question words. A word counts as covered when at least half of
   * its four-letter pieces occur in the passage's heading or text, so inflections and compounds
   * count ("Hundes", "Hundeabgabe"). The document title is left out: every passage of a document
   * shares it.
   */
  private static Passage best(List<Passage> passages, String question) {
    List<String> wanted = words(question);
    Passage best = passages.get(0);
    long bestScore = -1;
    for (Passage passage : passages) {
      String header = passage.header();
      int dash = header.indexOf(" – ");
      Set<String> pieces = new HashSet<>();
      words((dash < 0 ? "" : header.substring(dash + 3)) + " " + passage.text()).forEach(word -> pieces.addAll(pieces(word)));
      long score = wanted.stream().filter(word -> covered(pieces(word), pieces)).count();
      if (score > bestScore) {
        best = passage;
        bestScore = score;
      }
    }
    return best;
  }

  private static boolean covered(Set<String> word, Set<String> passage) {
    long shared = word.stream().filter(passage::contains).count();
    return shared >= Math.max(1, word.size() / 2);
  }

  private static Set<String> pieces(String word) {
    Set<String> pieces = new HashSet<>();
    for (int i = 0; i + PIECE <= word.length(); i++) {
      pieces.add(word.substring(i, i + PIECE));
    }
    return pieces;
  }

  /** Lower-case words of four letters or more, umlauts folded, without question words. */
  private static List<String> words(String text) {
    String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(folded);
    while (word.find()) {
      String w = word.group();
      if (w.length() >= 4 && !IGNORED.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }
}

package at.leoben.assistant.understanding;

import at.leoben.assistant.resources.TextResources;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a message only makes sense with the conversation before it ("und am Freitag?", "was
 * kostet das?", "and for children?"). Without the model's rewrite, retrieval then searches with
 * the previous question and the follow-up together.
 */
public final class FollowUp {

  private static final int SHORT = 4;
  private static final int REFERRING = 8;
  private static final int TOPICLESS = 8;
  // Words that name no topic of their own: a short message of nothing else refers back.
  private static final Set<String> TOPICLESS_WORDS =
      TextResources.lines("understanding/followup-words.txt").stream()
          .flatMap(line -> Fold.words(Fold.skeleton(line)).stream())
          .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> OPENERS = Set.of("und", "aber", "oder", "and", "or", "but", "what about", "wie ist es mit");
  // Words that point back; articles ("das", "die") are no such sign on their own.
  private static final Set<String> REFERENCES =
      Set.of("dafur", "dort", "dazu", "davon", "dabei", "damit", "dorthin", "ebenfalls", "it", "that", "there", "them", "too");

  private FollowUp() {}

  public static boolean isElliptical(String message) {
    List<String> words = Fold.words(Fold.skeleton(message));
    if (words.isEmpty()) {
      return false;
    }
    if (words.size() <= SHORT) {
      return true;
    }
    boolean opens = OPENERS.contains(words.get(0)) || OPENERS.contains(words.get(0) + " " + words.get(1));
    boolean refers = words.size() <= REFERRING && words.stream().anyMatch(REFERENCES::contains);
    boolean namesNoTopic = words.size() <= TOPICLESS && TOPICLESS_WORDS.containsAll(words);
    return opens || refers || namesNoTopic;
  }

  /** The text retrieval searches with: the previous question first, then the follow-up. */
  public static String withPrevious(String previousQuestion, String followUp) {
    return previousQuestion + " " + followUp;
  }
}

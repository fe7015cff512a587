package at.leoben.assistant.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes a citizen's question unique (so that no approved or reused answer of another test answers
 * it) without changing what retrieval finds: one extra word of ten letters that no document has.
 * A UUID suffix added a varying number of tokens and now and then pushed the question's relevance
 * under the retrieval threshold.
 */
public final class Questions {

  private Questions() {}

  public static String unique(String question) {
    StringBuilder word = new StringBuilder(question).append(' ');
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }
}

package at.leoben.assistant.knowledge;

import at.leoben.assistant.resources.TextResources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The evaluation set of realistic questions, each with the document that answers it. */
public final class RetrievalQuality {

  public record Case(String question, String expected) {}

  public record Score(int cases, int hitsAt1, int hitsAt3, List<Case> missesAt3, double lowestTopRank) {
    public double recallAt1() {
      return (double) hitsAt1 / cases;
    }

    public double recallAt3() {
      return (double) hitsAt3 / cases;
    }
  }

  private RetrievalQuality() {}

  /** Reads the small YAML list ({@code - question: "…"} / {@code expected: slug}) line by line. */
  public static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    String question = null;
    for (String line : TextResources.read("knowledge/retrieval-questions.yaml").lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("- question:")) {
        question = unquote(trimmed.substring("- question:".length()));
      } else if (trimmed.startsWith("expected:")) {
        cases.add(new Case(question, unquote(trimmed.substring("expected:".length()))));
        question = null;
      }
    }
    return cases;
  }

  /** Recall of the expected document among the documents of the top passages. */
  public static Score score(KnowledgeBase knowledge, List<Case> cases) {
    int at1 = 0;
    int at3 = 0;
    List<Case> misses = new ArrayList<>();
    double lowestTopRank = Double.MAX_VALUE;
    for (Case c : cases) {
      Set<String> documents = new LinkedHashSet<>();
      List<RetrievedPassage> found = knowledge.search(c.question(), 12);
      for (RetrievedPassage passage : found) {
        documents.add(passage.slug());
      }
      if (!found.isEmpty()) {
        lowestTopRank = Math.min(lowestTopRank, found.get(0).rank());
      }
      List<String> ranked = new ArrayList<>(documents);
      if (!ranked.isEmpty() && ranked.get(0).equals(c.expected())) {
        at1++;
      }
      if (ranked.subList(0, Math.min(3, ranked.size())).contains(c.expected())) {
        at3++;
      } else {
        misses.add(c);
      }
    }
    return new Score(cases.size(), at1, at3, misses, lowestTopRank);
  }

  private static String unquote(String value) {
    String v = value.strip();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
    }
    return v;
  }
}

package at.leoben.assistant.knowledge;

import at.leoben.assistant.resources.TextResources;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

  /** The questions of {@code knowledge/retrieval-questions.yaml}. */
  public static List<Case> cases() {
    try {
      return new YAMLMapper().readValue(TextResources.read("knowledge/retrieval-questions.yaml"), new TypeReference<List<Case>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /**
   * The documents of the top passages for a question, best first, by the service's own query
   * building and search SQL over plain JDBC: for the retrieval benchmark (tools/bench), on a
   * database the packaged service has migrated and filled.
   */
  public static List<String> documentsFor(Connection db, String question) throws SQLException {
    SearchQuery.Terms terms = Jdbc.QUERY.terms(question);
    try (PreparedStatement statement = db.prepareStatement(Jdbc.SQL)) {
      for (int i = 0; i < Jdbc.PARAMETERS.size(); i++) {
        switch (Jdbc.PARAMETERS.get(i)) {
          case "words" -> statement.setString(i + 1, terms.websearch());
          case "prefixes" -> statement.setString(i + 1, terms.prefixes());
          case "allWords" -> statement.setString(i + 1, terms.allWords());
          case "limit" -> statement.setInt(i + 1, 12);
          default -> throw new IllegalStateException("unknown parameter " + Jdbc.PARAMETERS.get(i));
        }
      }
      Set<String> slugs = new LinkedHashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          slugs.add(rows.getString(2));
        }
      }
      return new ArrayList<>(slugs);
    }
  }

  /** The service's search with its named parameters bound by position, in the order they occur. */
  private static final class Jdbc {
    static final SearchQuery QUERY = SearchQuery.load();
    static final String SQL = KnowledgeBase.SEARCH.replaceAll("(?<!:):\\w+", "?");
    static final List<String> PARAMETERS =
        Pattern.compile("(?<!:):(\\w+)").matcher(KnowledgeBase.SEARCH).results().map(m -> m.group(1)).toList();
  }
}

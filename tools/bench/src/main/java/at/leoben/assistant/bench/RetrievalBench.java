package at.leoben.assistant.bench;

import at.leoben.assistant.knowledge.RetrievalQuality;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Run by hand through {@code bench/retrieval.sh}: retrieval latency and recall with the starter
 * knowledge buried among synthetic passages, up to 10,000 in all. Uses the service's own SQL and
 * query building ({@link RetrievalQuality#documentsFor}) against a database the packaged service
 * has migrated and filled.
 */
public final class RetrievalBench {

  private static final int TARGET_PASSAGES = 10_000;
  private static final int ROUNDS = 10;

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/buergerassistent_bench";
    try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
      int synthetic = fill(db);
      try (Statement analyze = db.createStatement()) {
        // Steady state, as autovacuum keeps it: GIN pending list merged, statistics current.
        analyze.execute("vacuum analyze knowledge_passage");
      }
      List<RetrievalQuality.Case> cases = RetrievalQuality.cases();
      List<Long> micros = new ArrayList<>();
      java.util.Map<String, Long> slowest = new java.util.HashMap<>();
      int at1 = 0;
      int at3 = 0;
      for (int round = 0; round < ROUNDS + 1; round++) {
        for (RetrievalQuality.Case c : cases) {
          long start = System.nanoTime();
          List<String> slugs = RetrievalQuality.documentsFor(db, c.question());
          long took = (System.nanoTime() - start) / 1000;
          if (round == 0) {
            // the first round warms caches and counts recall
            at1 += !slugs.isEmpty() && slugs.get(0).equals(c.expected()) ? 1 : 0;
            at3 += slugs.subList(0, Math.min(3, slugs.size())).contains(c.expected()) ? 1 : 0;
          } else {
            micros.add(took);
            slowest.merge(c.question(), took, Math::max);
          }
        }
      }
      Collections.sort(micros);
      slowest.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
          .limit(5)
          .forEach(e -> System.out.printf("slow: %.1f ms %s%n", e.getValue() / 1000.0, e.getKey()));
      System.out.printf("passages: %d (%d synthetic)%n", count(db), synthetic);
      System.out.printf(
          "recall over %d questions: @1 %.2f, @3 %.2f%n", cases.size(), (double) at1 / cases.size(), (double) at3 / cases.size());
      System.out.printf(
          "latency over %d searches: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          micros.size(),
          micros.get(micros.size() / 2) / 1000.0,
          micros.get((int) (micros.size() * 0.99)) / 1000.0,
          micros.get(micros.size() - 1) / 1000.0);
    }
  }

  /**
   * Adds synthetic documents until there are 10,000 passages. Their words come from the real
   * passages, drawn with a Zipf distribution over the words' frequency ranks as in natural text:
   * common words everywhere, topic words ("Hund", "Sperrmüll") in a few per cent of passages.
   */
  private static int fill(Connection db) throws SQLException {
    int existing = count(db);
    List<String> words = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("select content from knowledge_passage where document_id in (select id from knowledge_document where slug not like 'synth-%')")) {
      while (rows.next()) {
        Collections.addAll(words, rows.getString(1).split("\\s+"));
      }
    }
    Random random = new Random(42);
    words = Zipf.byFrequency(words);
    int added = 0;
    db.setAutoCommit(false);
    try (PreparedStatement document =
            db.prepareStatement(
                "insert into knowledge_document (id, slug, title, source_url, owner, updated_on, body, origin, modified_at)"
                    + " values (gen_random_uuid(), ?, ?, 'https://www.leoben.at/', 'Bench', current_date, '', 'API', now())"
                    + " returning id");
        PreparedStatement passage =
            db.prepareStatement(
                "insert into knowledge_passage (document_id, position, title, heading, keywords, content) values (?, ?, ?, ?, '', ?)")) {
      while (existing + added < TARGET_PASSAGES) {
        String slug = "synth-" + (existing + added);
        String title = sentence(words, random, 4);
        document.setString(1, slug);
        document.setString(2, title);
        Object id;
        try (ResultSet created = document.executeQuery()) {
          created.next();
          id = created.getObject(1);
        }
        for (int position = 0; position < 10 && existing + added < TARGET_PASSAGES; position++) {
          passage.setObject(1, id);
          passage.setInt(2, position);
          passage.setString(3, title);
          passage.setString(4, sentence(words, random, 3));
          passage.setString(5, sentence(words, random, 120));
          passage.addBatch();
          added++;
        }
        passage.executeBatch();
      }
    }
    db.commit();
    db.setAutoCommit(true);
    return added;
  }

  private static String sentence(List<String> words, Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(i == 0 ? "" : " ").append(words.get(Zipf.rank(random, words.size())));
    }
    return text.toString();
  }

  /** Word ranks drawn with probability proportional to 1 / rank. */
  private static final class Zipf {
    private static double[] cumulative = new double[0];

    static List<String> byFrequency(List<String> tokens) {
      java.util.Map<String, Integer> counts = new java.util.HashMap<>();
      tokens.forEach(token -> counts.merge(token, 1, Integer::sum));
      List<String> ranked = new ArrayList<>(counts.keySet());
      ranked.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
      cumulative = new double[ranked.size()];
      double sum = 0;
      for (int r = 0; r < ranked.size(); r++) {
        sum += 1.0 / (r + 1);
        cumulative[r] = sum;
      }
      return ranked;
    }

    static int rank(Random random, int size) {
      double target = random.nextDouble() * cumulative[size - 1];
      int index = java.util.Arrays.binarySearch(cumulative, target);
      return index >= 0 ? index : -index - 1;
    }
  }

  private static int count(Connection db) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from knowledge_passage")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}

package at.leoben.assistant.audit;

import static at.leoben.assistant.audit.AuditTampering.read;
import static at.leoben.assistant.audit.AuditTampering.tamper;
import static at.leoben.assistant.audit.AuditTampering.verify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.testsupport.Questions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit chain against the real database: gapless under concurrent writers, the database
 * refuses edits, and verification finds every kind of tampering by someone who bypasses that.
 * Tampering is undone after each test, so the shared chain stays intact.
 */
@QuarkusTest
@QuarkusTestResource(OllamaStandInResource.class)
class AuditChainTest {

  @Inject AuditSealer sealer;

  private final List<String> undo = new ArrayList<>();

  @AfterEach
  void restore() {
    if (!undo.isEmpty()) {
      List<String> statements = new ArrayList<>();
      statements.add("set local session_replication_role = replica");
      statements.addAll(undo);
      Db.inOneTransaction(statements.toArray(String[]::new));
      undo.clear();
    }
    verify().then().body("intact", equalTo(true));
  }

  private static String question() {
    return Questions.unique("Wo gebe ich eine Fundsache ab?");
  }

  /** The seq of the newest entry of a fresh turn, once the sealer chained it. */
  private long newEntry() {
    String messageId = Citizen.ask(question()).path("messageId");
    sealer.sealPending();
    return ((Number) Db.rows("select seq from audit_entry where message_id = ?", UUID.fromString(messageId)).get(0).get("seq"))
        .longValue();
  }

  /** Keeps a copy of entries from..to and the head, to put back after the test. */
  private void backUp(long from, long to) {
    String table = "audit_backup_" + UUID.randomUUID().toString().replace("-", "");
    Db.execute("create table " + table + " as select * from audit_entry where seq between " + from + " and " + to);
    Db.execute("create table " + table + "_head as select * from audit_head");
    // A seal while the chain is tampered with signs the tampered head: such checkpoints go too.
    long checkpoints = ((Number) Db.rows("select coalesce(max(id), 0) as m from audit_checkpoint").get(0).get("m")).longValue();
    undo.add("delete from audit_checkpoint where id > " + checkpoints);
    undo.add("delete from audit_entry where seq between " + from + " and " + to + " or seq < 0");
    undo.add("insert into audit_entry overriding system value select * from " + table);
    undo.add("update audit_head h set seq = b.seq, hash = b.hash from " + table + "_head b");
    undo.add("drop table " + table);
    undo.add("drop table " + table + "_head");
  }

  @Test
  void turnsAreChainedAndTheChainVerifies() {
    long first = newEntry();
    long second = newEntry();
    assertThat(second).isGreaterThan(first);
    var rows = Db.rows("select seq, prev_hash, hash from audit_entry where seq between ? and ? order by seq", first, second);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).get("seq")).isEqualTo(((Number) rows.get(i - 1).get("seq")).longValue() + 1);
      assertThat(rows.get(i).get("prev_hash")).isEqualTo(rows.get(i - 1).get("hash"));
    }
    verify().then().body("intact", equalTo(true)).body("headSeq", equalTo((int) maxSeq()));
  }

  @Test
  void anEntryIsWrittenWithItsTurnAndChainedShortlyAfter() {
    String messageId = Citizen.ask(question()).path("messageId");
    // Stored with the turn; the scheduled sealer (every second) chains it.
    assertThat(Db.rows("select 1 from audit_entry where message_id = ?", UUID.fromString(messageId))).hasSize(1);
    long deadline = System.currentTimeMillis() + 10_000;
    while (Db.rows("select seq from audit_entry where message_id = ? and seq is not null", UUID.fromString(messageId)).isEmpty()) {
      assertThat(System.currentTimeMillis()).as("sealed within 10 s").isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private long maxSeq() {
    sealer.sealPending();
    return ((Number) Db.rows("select max(seq) as m from audit_entry").get(0).get("m")).longValue();
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteEntries() {
    long seq = newEntry();
    assertThatThrownBy(() -> Db.execute("update audit_entry set answer = 'anders' where seq = " + seq))
        .hasMessageContaining("audit entries cannot be changed");
    assertThatThrownBy(() -> Db.execute("delete from audit_entry where seq = " + seq))
        .hasMessageContaining("audit entries cannot be deleted");
    // Even the retention path may only put the digest in place of the content.
    assertThatThrownBy(
            () -> Db.inOneTransaction(
                "select set_config('assistant.audit_retention', 'on', true)",
                "update audit_entry set answer = 'anders' where seq = " + seq))
        .hasMessageContaining("only replace audit content by its digest");
    assertThatThrownBy(
            () -> Db.inOneTransaction(
                "select set_config('assistant.audit_retention', 'on', true)",
                "update audit_entry set model = 'x', answer = audit_digest(answer) where seq = " + seq))
        .hasMessageContaining("audit entries cannot be changed");
  }

  @Test
  void aChangedEntryIsFound() {
    long seq = newEntry();
    backUp(seq, seq);
    tamper("update audit_entry set answer = 'Das Fundamt ist geschlossen.' where seq = " + seq);
    verify().then().body("intact", equalTo(false))
        .body("firstBreak.kind", equalTo("CHANGED")).body("firstBreak.seq", equalTo((int) seq));
  }

  @Test
  void aMissingEntryIsFound() {
    long seq = newEntry();
    newEntry();
    backUp(seq, seq);
    tamper("delete from audit_entry where seq = " + seq);
    verify().then().body("intact", equalTo(false))
        .body("firstBreak.kind", equalTo("MISSING")).body("firstBreak.seq", equalTo((int) seq));
  }

  @Test
  void entriesPutInAnotherOrderAreFoundEvenWhenEachIsRehashed() throws Exception {
    long a = newEntry();
    long b = newEntry();
    assertThat(b).isEqualTo(a + 1);
    backUp(a, b);
    // Swap the two positions and give each a hash that fits its new position.
    Map<Long, AuditEntry> entries = read(a, b);
    AuditEntry first = entries.get(a);
    AuditEntry second = entries.get(b);
    first.seq = b;
    second.seq = a;
    String firstHash = AuditHash.of(first, first.prevHash);
    String secondHash = AuditHash.of(second, second.prevHash);
    tamper(
        "update audit_entry set seq = -1 where seq = " + a,
        "update audit_entry set seq = " + a + ", hash = '" + secondHash + "' where seq = " + b,
        "update audit_entry set seq = " + b + ", hash = '" + firstHash + "' where seq = -1");
    verify().then().body("intact", equalTo(false))
        .body("firstBreak.kind", equalTo("REORDERED")).body("firstBreak.seq", equalTo((int) a));
  }

  @Test
  void aChainRewrittenFromTheStartIsFoundByTheEntrysHmac() throws Exception {
    long seq = newEntry();
    long head = maxSeq();
    backUp(seq, head);
    // Change one entry and recompute every hash after it, head included: the chain is consistent again.
    Map<Long, AuditEntry> entries = read(seq, head);
    List<String> statements = new ArrayList<>();
    String previous = entries.get(seq).prevHash;
    for (long s = seq; s <= head; s++) {
      AuditEntry entry = entries.get(s);
      if (s == seq) {
        entry.answer = "Das Fundamt gibt es nicht.";
      }
      entry.prevHash = previous;
      entry.hash = AuditHash.of(entry, previous);
      previous = entry.hash;
      statements.add("update audit_entry set answer = " + (entry.answer == null ? "null" : "'" + entry.answer.replace("'", "''") + "'")
          + ", prev_hash = '" + entry.prevHash + "', hash = '" + entry.hash + "' where seq = " + s);
    }
    statements.add("update audit_head set hash = '" + previous + "'");
    tamper(statements.toArray(String[]::new));
    verify().then().body("intact", equalTo(false))
        .body("firstBreak.kind", equalTo("FORGED")).body("firstBreak.seq", equalTo((int) seq));
  }

  @Test
  void concurrentWritersKeepOneGaplessChainAndNoTurnWaitsForTheSealer() throws Exception {
    long before = maxSeq();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> turns = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      turns.add(pool.submit(() -> Citizen.ask(question())));
    }
    for (Future<?> turn : turns) {
      turn.get();
    }
    pool.shutdown();
    long after = maxSeq();
    assertThat(after - before).isGreaterThanOrEqualTo(40);
    assertThat(Db.rows("select count(*) as n from audit_entry where seq > ? and seq <= ?", before, after).get(0).get("n"))
        .isEqualTo(after - before);
    verify().then().body("intact", equalTo(true));
  }

  @Test
  void anErasedConversationKeepsAnIntactChain() {
    var reply = Citizen.ask(question());
    given().header("X-Conversation-Token", (String) reply.path("conversationToken"))
        .delete("/api/v1/conversations/" + reply.path("conversationId")).then().statusCode(204);
    var rows = Db.rows("select question, answer from audit_entry where conversation_id = ? and event = 'TURN'",
        UUID.fromString(reply.path("conversationId")));
    assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat((String) row.get("answer")).startsWith("erased:sha256:"));
    verify().then().body("intact", equalTo(true));
  }

}

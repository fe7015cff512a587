package at.leoben.assistant.audit;

import static at.leoben.assistant.audit.AuditTampering.read;
import static at.leoben.assistant.audit.AuditTampering.tamper;
import static at.leoben.assistant.audit.AuditTampering.verify;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.testsupport.Wait;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Someone with the database owner's rights attacks the audit; {@code GET /api/v1/admin/audit/verify}
 * finds each attack at the sequence number where it happened. The witness file is this test's own;
 * sealing happens only when the test (or verify) asks for it, so nothing is chained on top of a
 * tampered chain. Every attack is undone afterwards.
 */
@QuarkusTest
@TestProfile(AuditAttackTest.Witnessed.class)
@QuarkusTestResource(OllamaStandInResource.class)
class AuditAttackTest {

  static final Path WITNESS = Path.of("target", "audit-witness-" + UUID.randomUUID() + ".jsonl").toAbsolutePath();

  public static class Witnessed implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("assistant.audit.witness-file", WITNESS.toString(), "assistant.audit.seal-interval", "off");
    }
  }

  @Inject AuditSealer sealer;

  private final List<String> undo = new ArrayList<>();

  @AfterEach
  void restore() throws Exception {
    if (!undo.isEmpty()) {
      List<String> statements = new ArrayList<>();
      statements.add("set local session_replication_role = replica");
      statements.addAll(undo);
      Db.inOneTransaction(statements.toArray(String[]::new));
      undo.clear();
      // A seal during an attack (the forged insert) witnessed the attacked chain: start the witness afresh.
      Files.writeString(WITNESS, "");
    }
    assertThat(verify().<Boolean>path("intact")).as("restored").isTrue();
  }

  private static void assertFound(String kind, long seq) {
    Response verification = verify();
    assertThat(verification.<Boolean>path("intact")).isFalse();
    assertThat(verification.<String>path("firstBreak.kind")).as(verification.asString()).isEqualTo(kind);
    assertThat(verification.<Integer>path("firstBreak.seq")).as(verification.asString()).isEqualTo((int) seq);
  }

  /**
   * A fresh turn, sealed on its own (and so checkpointed and witnessed): its entry's seq. The turn's
   * entry may be committed just after the answer has reached the citizen, so the seal waits for it;
   * sealed together with the next turn's, its head would never have been witnessed alone.
   */
  private long newEntry() {
    UUID messageId = UUID.fromString(Citizen.ask(Questions.unique("Wo gebe ich eine Fundsache ab?")).path("messageId"));
    Wait.until(
        Duration.ofSeconds(10), () -> !Db.rows("select id from audit_entry where message_id = ? and event = 'TURN'", messageId).isEmpty());
    sealer.sealPending();
    return ((Number) Db.rows("select seq from audit_entry where message_id = ? and event = 'TURN'", messageId).get(0).get("seq"))
        .longValue();
  }

  /** Keeps the entries from {@code from} on, the head and the checkpoints, to put back after the test. */
  private void backUp(long from) {
    String table = "audit_attack_" + UUID.randomUUID().toString().replace("-", "");
    long maxId = ((Number) Db.rows("select coalesce(max(id), 0) as m from audit_entry").get(0).get("m")).longValue();
    Db.execute("create table " + table + " as select * from audit_entry where seq >= " + from);
    Db.execute("create table " + table + "_head as select * from audit_head");
    Db.execute("create table " + table + "_cp as select * from audit_checkpoint where seq >= " + from);
    undo.add("delete from audit_entry where seq >= " + from + " or seq < 0 or id > " + maxId);
    undo.add("insert into audit_entry overriding system value select * from " + table);
    undo.add("update audit_head h set seq = b.seq, hash = b.hash from " + table + "_head b");
    undo.add("delete from audit_checkpoint where seq >= " + from);
    undo.add("insert into audit_checkpoint overriding system value select * from " + table + "_cp");
    undo.add("drop table " + table);
    undo.add("drop table " + table + "_head");
    undo.add("drop table " + table + "_cp");
  }

  /**
   * Swaps the entries at a and a + 1 (the head) and re-hashes both so that the chain is consistent
   * again; each entry keeps its HMAC, which does not cover the position.
   */
  private static void swapAndRehash(long a) throws Exception {
    long b = a + 1;
    Map<Long, AuditEntry> entries = read(a, b);
    AuditEntry first = entries.get(a);
    AuditEntry second = entries.get(b);
    String start = first.prevHash;
    second.seq = a;
    String secondHash = AuditHash.of(second, start);
    first.seq = b;
    String firstHash = AuditHash.of(first, secondHash);
    tamper(
        "update audit_entry set seq = -1 where seq = " + a,
        "update audit_entry set seq = " + a + ", prev_hash = '" + start + "', hash = '" + secondHash + "' where seq = " + b,
        "update audit_entry set seq = " + b + ", prev_hash = '" + secondHash + "', hash = '" + firstHash + "' where seq = -1",
        "update audit_head set hash = '" + firstHash + "'");
  }

  @Test
  void anEditedEntry() {
    long seq = newEntry();
    backUp(seq);
    tamper("update audit_entry set answer = 'Das Fundamt ist geschlossen.' where seq = " + seq);
    assertFound("CHANGED", seq);
  }

  @Test
  void aDeletedEntry() {
    long seq = newEntry();
    newEntry();
    backUp(seq);
    tamper("delete from audit_entry where seq = " + seq);
    assertFound("MISSING", seq);
  }

  @Test
  void entriesInAnotherOrder() throws Exception {
    long a = newEntry();
    long b = newEntry();
    backUp(a);
    Map<Long, AuditEntry> entries = read(a, b);
    entries.get(a).seq = b;
    entries.get(b).seq = a;
    tamper(
        "update audit_entry set seq = -1 where seq = " + a,
        "update audit_entry set seq = " + a + ", hash = '" + AuditHash.of(entries.get(b), entries.get(b).prevHash) + "' where seq = " + b,
        "update audit_entry set seq = " + b + ", hash = '" + AuditHash.of(entries.get(a), entries.get(a).prevHash) + "' where seq = -1");
    assertFound("REORDERED", a);
  }

  @Test
  void aFullRewriteWithNewContent() throws Exception {
    long seq = newEntry();
    long head = newEntry();
    backUp(seq);
    Map<Long, AuditEntry> entries = read(seq, head);
    List<String> statements = new ArrayList<>();
    String previous = entries.get(seq).prevHash;
    for (long s = seq; s <= head; s++) {
      AuditEntry entry = entries.get(s);
      if (s == seq) {
        entry.answer = "Das Fundamt gibt es nicht.";
      }
      entry.hash = AuditHash.of(entry, previous);
      statements.add("update audit_entry set answer = " + (entry.answer == null ? "null" : "'" + entry.answer.replace("'", "''") + "'")
          + ", prev_hash = '" + previous + "', hash = '" + entry.hash + "' where seq = " + s);
      previous = entry.hash;
    }
    statements.add("update audit_head set hash = '" + previous + "'");
    tamper(statements.toArray(String[]::new));
    // Consistent chain, but the changed entry's HMAC no longer holds (and the database never had the key).
    assertFound("FORGED", seq);
  }

  @Test
  void aRewriteAfterTheLastCheckpoint() throws Exception {
    long a = newEntry();
    long b = newEntry();
    // Every seal that added entries signed a checkpoint: the newest entry is covered already.
    assertThat(Db.rows("select 1 from audit_checkpoint where seq = ?", b)).isNotEmpty();
    backUp(a);
    swapAndRehash(a);
    assertFound("REWRITTEN", a);
  }

  @Test
  void aTruncatedTailWithTheHeadMovedBack() {
    long a = newEntry();
    long b = newEntry();
    backUp(b);
    String hashOfA = (String) Db.rows("select hash from audit_entry where seq = ?", a).get(0).get("hash");
    // Cut the tail, move the head back to what is left, and remove the checkpoints naming the tail.
    tamper(
        "delete from audit_entry where seq >= " + b,
        "update audit_head set seq = " + a + ", hash = '" + hashOfA + "'",
        "delete from audit_checkpoint where seq >= " + b);
    assertFound("TRUNCATED", b);
  }

  @Test
  void checkpointsDeletedThenTheChainRewritten() throws Exception {
    long a = newEntry();
    newEntry();
    backUp(a);
    tamper("delete from audit_checkpoint where seq >= " + a);
    swapAndRehash(a);
    // The database has nothing left to contradict the rewrite; the witness outside it has.
    assertFound("FORKED", a);
  }

  @Test
  void checkpointsRewrittenWithAnotherKey() throws Exception {
    long a = newEntry();
    long b = newEntry();
    backUp(a);
    tamper("delete from audit_checkpoint where seq >= " + a);
    swapAndRehash(a);
    // ... and signs the new heads again, with a key of their own.
    insertCheckpointSignedByAnotherKey(a, (String) Db.rows("select hash from audit_entry where seq = ?", a).get(0).get("hash"));
    insertCheckpointSignedByAnotherKey(b, (String) Db.rows("select hash from audit_head").get(0).get("hash"));
    assertFound("CHECKPOINT_FORGED", a);
  }

  @Test
  void aCheckpointWithItsKeySwapped() throws Exception {
    long seq = newEntry();
    backUp(seq);
    String hash = (String) Db.rows("select hash from audit_entry where seq = ?", seq).get(0).get("hash");
    // A correct head, correctly signed, but not by the pinned key.
    insertCheckpointSignedByAnotherKey(seq, hash);
    assertFound("CHECKPOINT_FORGED", seq);
  }

  @Test
  void aForgedInsert() {
    newEntry();
    long maxId = ((Number) Db.rows("select max(id) as m from audit_entry").get(0).get("m")).longValue();
    long head = ((Number) Db.rows("select seq from audit_head").get(0).get("seq")).longValue();
    backUp(head + 1);
    undo.add(0, "delete from audit_entry where id > " + maxId);
    // A decision in a clerk's name, made up with a plausible HMAC; the sealer chains it like any entry.
    Db.execute("insert into audit_entry (occurred_at, event, responsible_name, responsible_role, responsible_contact, actor, actor_role, kind, mac)"
        + " values (now(), 'REVIEW_DECISION', 'Mag. Erika Muster', 'Leiterin Bürgerservice', 'buergerservice@leoben.at', 'clerk1', 'clerk', 'APPROVED', '"
        + "ab".repeat(32) + "')");
    sealer.sealPending();
    assertFound("FORGED", head + 1);
  }

  private static void insertCheckpointSignedByAnotherKey(long seq, String headHash) throws Exception {
    KeyPair attacker = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Instant now = AuditHash.micros(Instant.now());
    Signature signature = Signature.getInstance("Ed25519");
    signature.initSign(attacker.getPrivate());
    signature.update(AuditCheckpoint.message(seq, headHash, now).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Db.update(
        "insert into audit_checkpoint (seq, head_hash, created_at, public_key, signature) values (?, ?, ?, ?, ?)",
        seq, headHash, java.sql.Timestamp.from(now),
        Base64.getEncoder().encodeToString(attacker.getPublic().getEncoded()),
        Base64.getEncoder().encodeToString(signature.sign()));
  }

  @Test
  void theWitnessHoldsEverySignedCheckpointAsItIsMade() throws Exception {
    long seq = newEntry();
    String hash = (String) Db.rows("select hash from audit_entry where seq = ?", seq).get(0).get("hash");
    assertThat(Files.readAllLines(WITNESS)).last().asString()
        .contains("\"seq\":" + seq).contains("\"headHash\":\"" + hash + "\"").contains("\"signature\":");
    Response published = io.restassured.RestAssured.given().get("/api/v1/transparency/audit-checkpoints?limit=5")
        .then().statusCode(200).extract().response();
    assertThat(published.<Integer>path("checkpoints[0].seq")).isEqualTo((int) seq);
    assertThat(published.<String>path("checkpoints[0].headHash")).isEqualTo(hash);
    assertThat(published.<List<?>>path("checkpoints")).hasSizeLessThanOrEqualTo(5);
    assertThat(published.<String>path("publicKey")).isNotBlank();
    io.restassured.RestAssured.given().get("/api/v1/transparency/audit-checkpoints?limit=0").then().statusCode(400)
        .contentType("application/problem+json");
  }
}

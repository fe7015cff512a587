package at.leoben.assistant.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import at.leoben.assistant.testsupport.Citizen;
import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.OllamaStandInResource;
import at.leoben.assistant.testsupport.Questions;
import at.leoben.assistant.testsupport.Staff;
import at.leoben.assistant.testsupport.TestDatabases;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The set-up with two roles, on a fresh database: the schema owner migrates, the service runs as a
 * runtime role that had no privileges of its own. The service works (turns, erasure, retention,
 * sealing, verification), and the runtime role, with its password alone, can neither change nor
 * remove the audit, nor switch off what guards it. ({@link Db} connects as the runtime role here.)
 */
@QuarkusTest
@TestProfile(RuntimeRoleTest.TwoRoles.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeRoleTest {

  public static class TwoRoles implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(TwoRoleDatabase.class), new TestResourceEntry(OllamaStandInResource.class));
    }
  }

  public static class TwoRoleDatabase implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      return TestDatabases.freshWithTwoRoles("roles").config();
    }

    @Override
    public void stop() {}
  }

  @Inject AuditRetention retention;

  @Test
  @Order(1)
  void theServiceRunsAsTheRuntimeRoleAndItsAuditVerifies() {
    var reply = Citizen.ask(Questions.unique("Wo gebe ich eine Fundsache ab?"));
    String conversation = reply.path("conversationId");
    assertThat(Db.rows("select current_user as u").get(0).get("u")).asString().endsWith("_roles_app");
    // A citizen's erasure goes through the owner's function: the runtime role has no UPDATE.
    given().header("X-Conversation-Token", (String) reply.path("conversationToken"))
        .delete("/api/v1/conversations/" + conversation).then().statusCode(204);
    assertThat(Db.rows("select answer from audit_entry where conversation_id = ? and event = 'TURN'", UUID.fromString(conversation)))
        .isNotEmpty().allSatisfy(row -> assertThat((String) row.get("answer")).startsWith("erased:sha256:"));
    // So does retention, as the runtime role: every entry's content goes, the chain stays intact.
    assertThat(retention.apply(Instant.now().plus(Duration.ofDays(400)))).isPositive();
    assertThat(Db.rows("select 1 from audit_entry where answer is not null and answer not like 'erased:sha256:%'")).isEmpty();
    Staff.asAdmin().get("/api/v1/admin/audit/verify").then().statusCode(200)
        .body("intact", equalTo(true)).body("authenticated", equalTo(true)).body("entries", greaterThan(1))
        .body("legacyEntries", equalTo(0));
    // Sealed, and a signed checkpoint for the seal, published for anyone.
    given().get("/api/v1/transparency/audit-checkpoints").then().statusCode(200)
        .body("checkpoints[0].seq", greaterThan(0)).body("keyPinned", equalTo(true));
  }

  @Test
  @Order(2)
  void theRuntimeRoleCannotChangeRemoveOrUnguardTheAudit() {
    for (String attack : List.of(
        "update audit_entry set answer = 'anders'",
        "delete from audit_entry",
        "truncate audit_entry, audit_checkpoint",
        "truncate audit_head",
        "update audit_head set seq = 0, hash = repeat('0', 64)",
        "delete from audit_checkpoint",
        "update audit_checkpoint set head_hash = repeat('0', 64)",
        "delete from audit_key_epoch",
        "alter table audit_entry disable trigger all",
        "alter table audit_entry disable trigger audit_entry_append_only",
        "drop trigger audit_entry_append_only on audit_entry",
        "create or replace function audit_entry_guard() returns trigger language plpgsql as $$ begin return new; end $$",
        "create or replace function audit_seal(bigint, varchar, bigint[], varchar[]) returns void language sql as $$ select $$",
        "drop function audit_erase_before(timestamptz)",
        "create trigger sneak before insert on audit_entry for each row execute function audit_truncate_guard()",
        "insert into audit_entry (occurred_at, event, responsible_name, responsible_role, responsible_contact, seq, prev_hash, hash)"
            + " values (now(), 'TURN', 'x', 'x', 'x', 999999, repeat('0', 64), repeat('0', 64))",
        "set session_replication_role = replica",
        "select assistant_grant_runtime_role(current_user)",
        "delete from flyway_schema_history")) {
      assertThatThrownBy(() -> Db.execute(attack)).as(attack).satisfiesAnyOf(
          e -> assertThat(e).hasMessageContaining("must be owner"),
          e -> assertThat(e).hasMessageContaining("permission denied"));
    }
  }

  @Test
  @Order(3)
  void aCopyOfARealEntryIsRefused() {
    String columns = "occurred_at, event, conversation_id, message_id, kind, reason, question, answer, model, prompt_version,"
        + " responsible_name, responsible_role, responsible_contact, latency_ms, input_tokens, output_tokens, failure, reused_from,"
        + " area, actor, actor_role, note, mac";
    // Replaying an entry with its valid HMAC (a second approval, say) would pass the HMAC check.
    assertThatThrownBy(() -> Db.execute("insert into audit_entry (" + columns + ") select " + columns
        + " from audit_entry where mac is not null order by id desc limit 1"))
        .hasMessageContaining("duplicate key");
  }

  @Test
  @Order(4)
  void anEntryInsertedWithTheDatabasePasswordAloneIsReportedForged() {
    Citizen.ask(Questions.unique("Wann hat das Rathaus offen?"));
    // What the attack run did: a review decision in a clerk's name, written with the runtime role's password.
    Db.execute("insert into audit_entry (occurred_at, event, responsible_name, responsible_role, responsible_contact, actor, actor_role, kind)"
        + " values (now(), 'REVIEW_DECISION', 'Mag. Erika Muster', 'Leiterin Bürgerservice', 'buergerservice@leoben.at', 'clerk1', 'clerk', 'APPROVED')");
    var verification = Staff.asAdmin().get("/api/v1/admin/audit/verify").then().statusCode(200).extract().response();
    long forged = ((Number) Db.rows("select seq from audit_entry where actor = 'clerk1'").get(0).get("seq")).longValue();
    assertThat(verification.<Boolean>path("intact")).isFalse();
    assertThat(verification.<String>path("firstBreak.kind")).isEqualTo("FORGED");
    assertThat(verification.<Integer>path("firstBreak.seq")).isEqualTo((int) forged);
  }
}

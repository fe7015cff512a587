package at.leoben.assistant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The canonical form of an audit entry is a format: entries hashed years ago must verify with
 * today's code. Known answers pin v1 (no HMAC, entries chained before V17) and v2 (with HMAC).
 */
class AuditHashTest {

  private static AuditEntry entry() {
    AuditEntry e = new AuditEntry();
    e.seq = 7L;
    e.occurredAt = Instant.parse("2026-03-01T09:15:00.123456Z");
    e.event = "TURN";
    e.conversationId = UUID.fromString("00000000-0000-0000-0000-000000000001");
    e.kind = "AI_GENERATED";
    e.question = "Wann hat das Rathaus offen?";
    e.answer = "Montag bis Freitag 8 bis 12 Uhr.";
    e.model = "llama3.1:8b";
    e.responsibleName = "Mag. Erika Muster";
    e.responsibleRole = "Leiterin Bürgerservice";
    e.responsibleContact = "buergerservice@leoben.at";
    e.latencyMs = 1200L;
    return e;
  }

  @Test
  void theCanonicalFormCoversEveryContentFieldInItsWrittenOrder() {
    String[] lines = AuditHash.macInput(entry()).split("\n");
    assertThat(lines[0]).isEqualTo("buergerassistent-audit-entry-v2");
    assertThat(Arrays.stream(lines).skip(1).map(line -> line.substring(0, line.indexOf('='))).toList())
        .isEqualTo(AuditHash.CANONICAL_CONTENT)
        .containsExactlyInAnyOrderElementsOf(AuditField.CONTENT);
  }

  @Test
  void versionOneAndTwoHashesStayAsTheyWere() {
    // Known answers, computed by an independent implementation of the format (README, Audit trail).
    AuditEntry e = entry();
    assertThat(AuditHash.of(e, AuditHash.GENESIS)).isEqualTo("671ca06d7a8feb7f1adb4bf56b21c68d7f09c8c04387d9e48c422c490632459b");
    e.mac = "ab".repeat(32);
    assertThat(AuditHash.of(e, AuditHash.GENESIS)).isEqualTo("230e1e7ba17a5b9b5f959f90151f077781ff54e7efb95768214b5a65ff8c2a89");
    // Erasure replaces content by its digest: the hash does not change.
    AuditEntry erased = entry();
    erased.mac = e.mac;
    erased.answer = AuditHash.digest(erased.answer);
    assertThat(AuditHash.of(erased, AuditHash.GENESIS)).isEqualTo(AuditHash.of(e, AuditHash.GENESIS));
  }

  @Test
  void theCsvExportHasOneColumnPerExportedField() {
    assertThat(AuditEntryView.CSV_HEADER).startsWith("seq,occurred_at,event,conversation_id").endsWith(",prev_hash,hash")
        .doesNotContain("mac");
    assertThat(AuditEntryView.csv(entry()).split(",", -1)).hasSize(AuditField.EXPORTED.size());
  }
}

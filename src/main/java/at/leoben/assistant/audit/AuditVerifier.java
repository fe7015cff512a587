package at.leoben.assistant.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the whole chain in one consistent snapshot (entries arriving meanwhile are not seen, nor
 * half-seen), streaming rows so that memory stays flat however long the chain is. It checks each
 * entry's hash, its place, its HMAC (pinned keys), the signed checkpoints in the database, and the
 * checkpoints in the witness file outside it; the first break found, in chain order, is reported.
 */
@ApplicationScoped
public class AuditVerifier {

  private static final int FETCH = 2000;

  private final AgroalDataSource dataSource;
  private final AuditSealer sealer;
  private final AuditSigner signer;
  private final AuditKeyEpochs epochs;
  private final AuditWitness witness;
  private final Clock clock;

  AuditVerifier(
      AgroalDataSource dataSource, AuditSealer sealer, AuditSigner signer, AuditKeyEpochs epochs, AuditWitness witness, Clock clock) {
    this.dataSource = dataSource;
    this.sealer = sealer;
    this.signer = signer;
    this.epochs = epochs;
    this.witness = witness;
    this.clock = clock;
  }

  /** Seals what is pending, then checks the chain as it stands. */
  public AuditVerification verify() {
    long started = System.nanoTime();
    sealer.sealPending();
    // Read before the snapshot: every line in it was committed to the database before it was written.
    List<AuditCheckpoint> witnessed = witness.read();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        return walk(connection, witnessed, started);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("audit verification could not read the database", e);
    }
  }

  /** The first break seen so far; an earlier sequence number wins. */
  private static final class Finding {
    AuditVerification.Break first;

    void add(long seq, AuditVerification.Kind kind, String detail) {
      if (first == null || seq < first.seq()) {
        first = new AuditVerification.Break(seq, kind, detail);
      }
    }
  }

  private AuditVerification walk(Connection connection, List<AuditCheckpoint> witnessLines, long started) throws SQLException {
    long headSeq;
    String headHash;
    try (PreparedStatement statement = connection.prepareStatement("select seq, hash from audit_head where id = 1");
        ResultSet row = statement.executeQuery()) {
      row.next();
      headSeq = row.getLong(1);
      headHash = row.getString(2);
    }
    boolean pinned = signer.pinned();
    AuditKeyEpochs.Epoch epoch = pinned ? epochs.earliest(connection).orElse(AuditKeyEpochs.Epoch.EVERYTHING) : null;
    Finding finding = new Finding();

    // Signed heads in the database: from the epoch on only the pinned key counts.
    Map<Long, String> signedHeads = new HashMap<>();
    int checkpointCount = 0;
    int legacy = 0;
    try (PreparedStatement statement =
            connection.prepareStatement("select id, seq, head_hash, created_at, public_key, signature from audit_checkpoint order by id");
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        checkpointCount++;
        long id = row.getLong("id");
        AuditCheckpoint checkpoint = AuditCheckpoints.read(row);
        boolean holds;
        if (pinned && id >= epoch.fromCheckpointId()) {
          holds = signer.signedByUs(checkpoint.publicKey(), checkpoint.message(), checkpoint.signature());
        } else {
          // Legacy (before the keys were pinned) or no pinned key: the signature is checked against the key it names.
          holds = AuditSigner.verify(checkpoint.publicKey(), checkpoint.message(), checkpoint.signature());
          if (!checkpoint.publicKey().equals(signer.publicKey())) {
            legacy++;
          }
        }
        if (!holds) {
          finding.add(checkpoint.seq(), AuditVerification.Kind.CHECKPOINT_FORGED,
              pinned ? "checkpoint not signed by the pinned audit key" : "checkpoint signature does not hold");
        } else {
          signedHeads.putIfAbsent(checkpoint.seq(), checkpoint.headHash());
        }
      }
    }

    // Signed heads in the witness: only those whose signature holds (pinned key, when there is one).
    Map<Long, String> witnessedHeads = new HashMap<>();
    Long witnessedHead = null;
    for (AuditCheckpoint line : witnessLines) {
      if (line.seq() < 1 || line.createdAt() == null) {
        continue;
      }
      boolean holds = pinned
          ? signer.signedByUs(line.publicKey(), line.message(), line.signature())
          : AuditSigner.verify(line.publicKey(), line.message(), line.signature());
      if (holds) {
        witnessedHeads.putIfAbsent(line.seq(), line.headHash());
        witnessedHead = witnessedHead == null ? line.seq() : Math.max(witnessedHead, line.seq());
      }
    }

    long count = 0;
    long legacyEntries = 0;
    long expected = 1;
    String previous = AuditHash.GENESIS;
    try (PreparedStatement statement =
        connection.prepareStatement("select id, " + AuditRows.COLUMNS + " from audit_entry where seq is not null order by seq")) {
      statement.setFetchSize(FETCH);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          AuditEntry entry = AuditRows.read(rows);
          long id = rows.getLong("id");
          count++;
          boolean authenticated = pinned && epoch.authenticates(id, entry.seq);
          if (!authenticated) {
            legacyEntries++;
          }
          if (finding.first == null || entry.seq < finding.first.seq()) {
            check(entry, expected, previous, authenticated, signedHeads.get(entry.seq), witnessedHeads.get(entry.seq), finding);
          }
          previous = entry.hash;
          expected = entry.seq + 1;
        }
      }
    }
    long last = expected - 1;
    if (last != headSeq || !previous.equals(headHash)) {
      finding.add(Math.min(last, headSeq) + 1, AuditVerification.Kind.MISSING, "the chain ends at " + last + " but its head is at " + headSeq);
    }
    signedHeads.keySet().stream().filter(seq -> seq > last).min(Long::compare).ifPresent(
        seq -> finding.add(last + 1, AuditVerification.Kind.TRUNCATED, "the chain ends at " + last + " before the signed head " + seq));
    if (witnessedHead != null && witnessedHead > last) {
      finding.add(last + 1, AuditVerification.Kind.TRUNCATED, "the chain ends at " + last + " before the witnessed head " + witnessedHead);
    }
    return new AuditVerification(
        finding.first == null,
        count,
        headSeq,
        headHash,
        checkpointCount,
        legacy,
        pinned,
        legacyEntries,
        witnessLines.size(),
        witnessedHead,
        finding.first,
        Instant.now(clock),
        (System.nanoTime() - started) / 1_000_000);
  }

  private void check(
      AuditEntry entry, long expected, String previous, boolean authenticated, String signedHead, String witnessedHead, Finding finding) {
    if (entry.seq > expected) {
      finding.add(expected, AuditVerification.Kind.MISSING, "entries " + expected + " to " + (entry.seq - 1) + " are missing");
    } else if (!AuditHash.of(entry, entry.prevHash).equals(entry.hash)) {
      finding.add(entry.seq, AuditVerification.Kind.CHANGED, "the entry's content no longer gives its hash");
    } else if (!previous.equals(entry.prevHash)) {
      finding.add(entry.seq, AuditVerification.Kind.REORDERED, "the entry does not follow the one before it");
    } else if (authenticated && !signer.macHolds(entry)) {
      finding.add(entry.seq, AuditVerification.Kind.FORGED, "the entry was not written by the service (no valid HMAC)");
    } else if (signedHead != null && !signedHead.equals(entry.hash)) {
      finding.add(entry.seq, AuditVerification.Kind.REWRITTEN, "the chain differs from a signed checkpoint");
    } else if (witnessedHead != null && !witnessedHead.equals(entry.hash)) {
      finding.add(entry.seq, AuditVerification.Kind.FORKED, "a head the witness saw is no longer in the chain");
    }
  }
}

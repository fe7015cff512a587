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
import java.util.Map;

/**
 * Walks the whole chain in one consistent snapshot (entries arriving meanwhile are not seen, nor
 * half-seen), streaming rows so that memory stays flat however long the chain is.
 */
@ApplicationScoped
public class AuditVerifier {

  private static final int FETCH = 2000;

  private final AgroalDataSource dataSource;
  private final AuditSealer sealer;
  private final AuditSigner signer;
  private final Clock clock;

  AuditVerifier(AgroalDataSource dataSource, AuditSealer sealer, AuditSigner signer, Clock clock) {
    this.dataSource = dataSource;
    this.sealer = sealer;
    this.signer = signer;
    this.clock = clock;
  }

  private record Checkpoint(long seq, String headHash) {}

  /** Seals what is pending, then checks the chain as it stands. */
  public AuditVerification verify() {
    long started = System.nanoTime();
    sealer.sealPending();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        return walk(connection, started);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("audit verification could not read the database", e);
    }
  }

  private AuditVerification walk(Connection connection, long started) throws SQLException {
    long headSeq;
    String headHash;
    try (PreparedStatement statement = connection.prepareStatement("select seq, hash from audit_head where id = 1");
        ResultSet row = statement.executeQuery()) {
      row.next();
      headSeq = row.getLong(1);
      headHash = row.getString(2);
    }
    Map<Long, Checkpoint> checkpoints = new HashMap<>();
    int otherKey = 0;
    AuditVerification.Break firstBreak = null;
    try (PreparedStatement statement =
            connection.prepareStatement("select seq, head_hash, created_at, public_key, signature from audit_checkpoint order by id");
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        long seq = row.getLong(1);
        String hash = row.getString(2);
        Instant created = row.getTimestamp(3).toInstant();
        if (!signer.publicKey().equals(row.getString(4))) {
          otherKey++; // signed by a key this instance does not hold: its hash still counts below
        } else if (firstBreak == null && !signer.verify(AuditCheckpoints.message(seq, hash, created), row.getString(5))) {
          firstBreak = new AuditVerification.Break(seq, AuditVerification.Kind.CHECKPOINT_FORGED, "checkpoint signature does not hold");
        }
        checkpoints.put(seq, new Checkpoint(seq, hash));
      }
    }
    long count = 0;
    long expected = 1;
    String previous = AuditHash.GENESIS;
    try (PreparedStatement statement =
        connection.prepareStatement("select " + AuditRows.COLUMNS + " from audit_entry where seq is not null order by seq")) {
      statement.setFetchSize(FETCH);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next() && firstBreak == null) {
          AuditEntry entry = AuditRows.read(rows);
          count++;
          firstBreak = check(entry, expected, previous, checkpoints.get(entry.seq));
          previous = entry.hash;
          expected = entry.seq + 1;
        }
      }
    }
    if (firstBreak == null && (expected - 1 != headSeq || !previous.equals(headHash))) {
      firstBreak =
          new AuditVerification.Break(
              expected, AuditVerification.Kind.MISSING, "the chain ends at " + (expected - 1) + " but its head is at " + headSeq);
    }
    if (firstBreak == null) {
      long last = expected - 1;
      firstBreak =
          checkpoints.values().stream()
              .filter(c -> c.seq() > last)
              .findFirst()
              .map(c -> new AuditVerification.Break(c.seq(), AuditVerification.Kind.MISSING, "a checkpoint names entries that are gone"))
              .orElse(null);
    }
    return new AuditVerification(
        firstBreak == null,
        count,
        headSeq,
        headHash,
        checkpoints.size(),
        otherKey,
        firstBreak,
        Instant.now(clock),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static AuditVerification.Break check(AuditEntry entry, long expected, String previous, Checkpoint checkpoint) {
    if (entry.seq > expected) {
      return new AuditVerification.Break(expected, AuditVerification.Kind.MISSING, "entries " + expected + " to " + (entry.seq - 1) + " are missing");
    }
    if (!AuditHash.of(entry, entry.prevHash).equals(entry.hash)) {
      return new AuditVerification.Break(entry.seq, AuditVerification.Kind.CHANGED, "the entry's content no longer gives its hash");
    }
    if (!previous.equals(entry.prevHash)) {
      return new AuditVerification.Break(entry.seq, AuditVerification.Kind.REORDERED, "the entry does not follow the one before it");
    }
    if (checkpoint != null && !checkpoint.headHash().equals(entry.hash)) {
      return new AuditVerification.Break(entry.seq, AuditVerification.Kind.REWRITTEN, "the chain differs from a signed checkpoint");
    }
    return null;
  }
}

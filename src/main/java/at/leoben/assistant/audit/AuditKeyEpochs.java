package at.leoben.assistant.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Since when the pinned keys apply. The first start with a configured key pair records, signed with
 * it, the first entry id and checkpoint id it answers for; what came before (written without pinned
 * keys, or before V17) is legacy: chained and compared, but not authenticated. The runtime role can
 * add epochs but cannot sign one, so it cannot move the boundary to pass off a forged entry.
 */
@ApplicationScoped
class AuditKeyEpochs {

  private static final Logger LOG = Logger.getLogger(AuditKeyEpochs.class);

  /** Entries from {@code fromEntryId}, checkpoints from {@code fromCheckpointId} on, carry the pinned keys. */
  record Epoch(long fromEntryId, long fromCheckpointId) {
    static final Epoch EVERYTHING = new Epoch(0, 0);
  }

  private final AgroalDataSource dataSource;
  private final AuditSigner signer;
  private final Clock clock;

  AuditKeyEpochs(AgroalDataSource dataSource, AuditSigner signer, Clock clock) {
    this.dataSource = dataSource;
    this.signer = signer;
    this.clock = clock;
  }

  static String message(long fromEntryId, long fromCheckpointId, Instant createdAt) {
    return "buergerassistent-audit-key-epoch\n" + fromEntryId + "\n" + fromCheckpointId + "\n" + AuditHash.micros(createdAt);
  }

  /** At start: with pinned keys, records their epoch unless one signed by them exists. */
  void ensure() {
    if (!signer.pinned()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      if (earliest(connection).isPresent()) {
        return;
      }
      long fromEntry;
      long fromCheckpoint;
      try (PreparedStatement next =
              connection.prepareStatement(
                  "select coalesce((select max(id) from audit_entry), 0) + 1, coalesce((select max(id) from audit_checkpoint), 0) + 1");
          ResultSet row = next.executeQuery()) {
        row.next();
        fromEntry = row.getLong(1);
        fromCheckpoint = row.getLong(2);
      }
      Instant now = AuditHash.micros(Instant.now(clock));
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into audit_key_epoch (from_entry_id, from_checkpoint_id, created_at, public_key, signature) values (?, ?, ?, ?, ?)")) {
        insert.setLong(1, fromEntry);
        insert.setLong(2, fromCheckpoint);
        insert.setTimestamp(3, Timestamp.from(now));
        insert.setString(4, signer.publicKey());
        insert.setString(5, signer.sign(message(fromEntry, fromCheckpoint, now)));
        insert.executeUpdate();
      }
      LOG.infof("Audit keys pinned: entries from id %d and checkpoints from id %d on are authenticated", fromEntry, fromCheckpoint);
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the audit key epoch", e);
    }
  }

  /** The earliest epoch signed by the pinned key, if any. */
  Optional<Epoch> earliest(Connection connection) throws SQLException {
    Epoch earliest = null;
    try (PreparedStatement select =
            connection.prepareStatement("select from_entry_id, from_checkpoint_id, created_at, public_key, signature from audit_key_epoch order by id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        long fromEntry = rows.getLong(1);
        long fromCheckpoint = rows.getLong(2);
        Instant created = rows.getTimestamp(3).toInstant();
        if (signer.signedByUs(rows.getString(4), message(fromEntry, fromCheckpoint, created), rows.getString(5))
            && (earliest == null || fromEntry < earliest.fromEntryId())) {
          earliest = new Epoch(fromEntry, fromCheckpoint);
        }
      }
    }
    return Optional.ofNullable(earliest);
  }
}

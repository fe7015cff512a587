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

  /**
   * Entries from {@code fromEntryId} or at {@code fromSeq} and later, and checkpoints from
   * {@code fromCheckpointId} on, carry the pinned keys. Both bounds for entries: an id below the
   * first (a gap left by a rolled-back insert, filled by hand) still cannot pass as legacy once
   * chained after the entries that were waiting when the keys were pinned.
   */
  record Epoch(long fromEntryId, long fromSeq, long fromCheckpointId) {
    static final Epoch EVERYTHING = new Epoch(0, 0, 0);

    boolean authenticates(long entryId, long seq) {
      return entryId >= fromEntryId || seq >= fromSeq;
    }
  }

  private final AgroalDataSource dataSource;
  private final AuditSigner signer;
  private final Clock clock;

  AuditKeyEpochs(AgroalDataSource dataSource, AuditSigner signer, Clock clock) {
    this.dataSource = dataSource;
    this.signer = signer;
    this.clock = clock;
  }

  static String message(Epoch epoch, Instant createdAt) {
    return "buergerassistent-audit-key-epoch\n" + epoch.fromEntryId() + "\n" + epoch.fromSeq() + "\n" + epoch.fromCheckpointId()
        + "\n" + AuditHash.micros(createdAt);
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
      // Entries waiting to be chained now are legacy; the sealer chains them first (id order).
      Epoch epoch;
      try (PreparedStatement next =
              connection.prepareStatement(
                  "select coalesce((select max(id) from audit_entry), 0) + 1,"
                      + " (select seq from audit_head where id = 1) + (select count(*) from audit_entry where seq is null) + 1,"
                      + " coalesce((select max(id) from audit_checkpoint), 0) + 1");
          ResultSet row = next.executeQuery()) {
        row.next();
        epoch = new Epoch(row.getLong(1), row.getLong(2), row.getLong(3));
      }
      Instant now = AuditHash.micros(Instant.now(clock));
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into audit_key_epoch (from_entry_id, from_seq, from_checkpoint_id, created_at, public_key, signature)"
                  + " values (?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, epoch.fromEntryId());
        insert.setLong(2, epoch.fromSeq());
        insert.setLong(3, epoch.fromCheckpointId());
        insert.setTimestamp(4, Timestamp.from(now));
        insert.setString(5, signer.publicKey());
        insert.setString(6, signer.sign(message(epoch, now)));
        insert.executeUpdate();
      }
      LOG.infof("Audit keys pinned: entries from id %d (and seq %d) and checkpoints from id %d on are authenticated",
          epoch.fromEntryId(), epoch.fromSeq(), epoch.fromCheckpointId());
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the audit key epoch", e);
    }
  }

  /** The earliest epoch signed by the pinned key, if any. */
  Optional<Epoch> earliest(Connection connection) throws SQLException {
    Epoch earliest = null;
    try (PreparedStatement select =
            connection.prepareStatement(
                "select from_entry_id, from_seq, from_checkpoint_id, created_at, public_key, signature from audit_key_epoch order by id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Epoch epoch = new Epoch(rows.getLong(1), rows.getLong(2), rows.getLong(3));
        Instant created = rows.getTimestamp(4).toInstant();
        if (signer.signedByUs(rows.getString(5), message(epoch, created), rows.getString(6))
            && (earliest == null || epoch.fromEntryId() < earliest.fromEntryId())) {
          earliest = epoch;
        }
      }
    }
    return Optional.ofNullable(earliest);
  }
}

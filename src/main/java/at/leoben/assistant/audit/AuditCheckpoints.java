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
import java.util.ArrayList;
import java.util.List;

/**
 * Signed checkpoints of the chain's head: one in the same transaction as every seal that added
 * entries (so no rewrite after the last one goes unseen), appended to the witness once committed,
 * and published for anyone (newest first).
 */
@ApplicationScoped
public class AuditCheckpoints {

  /** The public list: the pinned key and the signed heads, newest first. */
  public record Published(String algorithm, String publicKey, boolean keyPinned, String signedMessage, List<AuditCheckpoint> checkpoints) {}

  private final AgroalDataSource dataSource;
  private final AuditSigner signer;
  private final AuditWitness witness;
  private final Clock clock;

  AuditCheckpoints(AgroalDataSource dataSource, AuditSigner signer, AuditWitness witness, Clock clock) {
    this.dataSource = dataSource;
    this.signer = signer;
    this.witness = witness;
    this.clock = clock;
  }

  /** Signs the head and stores the checkpoint in the caller's transaction. */
  AuditCheckpoint record(Connection connection, long seq, String headHash) throws SQLException {
    Instant now = AuditHash.micros(Instant.now(clock));
    AuditCheckpoint checkpoint =
        new AuditCheckpoint(seq, headHash, now, signer.publicKey(), signer.sign(AuditCheckpoint.message(seq, headHash, now)));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_checkpoint (seq, head_hash, created_at, public_key, signature) values (?, ?, ?, ?, ?)")) {
      insert.setLong(1, checkpoint.seq());
      insert.setString(2, checkpoint.headHash());
      insert.setTimestamp(3, Timestamp.from(checkpoint.createdAt()));
      insert.setString(4, checkpoint.publicKey());
      insert.setString(5, checkpoint.signature());
      insert.executeUpdate();
    }
    return checkpoint;
  }

  /** After the commit: the witness gets what the database now holds. */
  void witnessed(List<AuditCheckpoint> committed) {
    witness.append(committed);
  }

  /** The newest {@code limit} checkpoints, newest first. */
  public Published published(int limit) {
    List<AuditCheckpoint> checkpoints = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "select seq, head_hash, created_at, public_key, signature from audit_checkpoint order by seq desc, id desc limit ?")) {
      select.setInt(1, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          checkpoints.add(read(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the audit checkpoints", e);
    }
    return new Published(
        "Ed25519", signer.publicKey(), signer.pinned(), "buergerassistent-audit-checkpoint\\n{seq}\\n{headHash}\\n{createdAt}", checkpoints);
  }

  static AuditCheckpoint read(ResultSet row) throws SQLException {
    return new AuditCheckpoint(
        row.getLong("seq"), row.getString("head_hash"), row.getTimestamp("created_at").toInstant(), row.getString("public_key"), row.getString("signature"));
  }
}

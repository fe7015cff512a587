package at.leoben.assistant.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Chains committed entries in the order they are found (id order), a batch per transaction: it
 * locks the head row, gives each entry the next sequence number, its predecessor's hash and its
 * own, and moves the head. One lock per batch instead of one per turn, so turns never wait for
 * each other; the lock still makes every instance's sealer take turns, so the chain stays gapless.
 */
@ApplicationScoped
public class AuditSealer {

  private static final Logger LOG = Logger.getLogger(AuditSealer.class);
  private static final int BATCH = 5000;

  private final AgroalDataSource dataSource;
  private final AuditCheckpoints checkpoints;
  private final AuditKeyEpochs epochs;

  AuditSealer(AgroalDataSource dataSource, AuditCheckpoints checkpoints, AuditKeyEpochs epochs) {
    this.dataSource = dataSource;
    this.checkpoints = checkpoints;
    this.epochs = epochs;
  }

  void onStart(@Observes StartupEvent event) {
    epochs.ensure();
    int sealed = sealPending();
    if (sealed > 0) {
      LOG.infof("Sealed %d audit entries into the chain", sealed);
    }
  }

  @Scheduled(every = "${assistant.audit.seal-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      sealPending();
    } catch (RuntimeException e) {
      LOG.errorf("Could not seal audit entries (%s); retrying at the next run", e.getClass().getName());
    }
  }

  /** Seals everything committed so far, a signed checkpoint per batch; returns how many entries it chained. */
  public int sealPending() {
    int total = 0;
    int sealed;
    do {
      sealed = sealBatch();
      total += sealed;
    } while (sealed == BATCH);
    return total;
  }

  private record Batch(int entries, AuditCheckpoint checkpoint) {}

  private int sealBatch() {
    Batch batch;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        batch = sealBatch(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("sealing audit entries failed", e);
    }
    if (batch.entries() > 0) {
      checkpoints.witnessed(List.of(batch.checkpoint()));
    }
    return batch.entries();
  }

  /** Chains one batch through the owner's function (V17) and signs the new head; null if nothing was pending. */
  private Batch sealBatch(Connection connection) throws SQLException {
    long seq;
    String previous;
    try (PreparedStatement head = connection.prepareStatement("select seq, hash from audit_lock_head()");
        ResultSet row = head.executeQuery()) {
      row.next();
      seq = row.getLong(1);
      previous = row.getString(2);
    }
    List<AuditEntry> entries = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select id, " + AuditRows.COLUMNS + " from audit_entry where seq is null order by id limit " + BATCH)) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(AuditRows.read(rows));
          ids.add(rows.getLong("id"));
        }
      }
    }
    if (entries.isEmpty()) {
      return new Batch(0, null);
    }
    long first = seq + 1;
    String start = previous;
    String[] hashes = new String[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      AuditEntry entry = entries.get(i);
      entry.seq = ++seq;
      hashes[i] = AuditHash.of(entry, previous);
      previous = hashes[i];
    }
    try (PreparedStatement seal = connection.prepareStatement("select audit_seal(?, ?, ?, ?)")) {
      seal.setLong(1, first);
      seal.setString(2, start);
      seal.setArray(3, connection.createArrayOf("bigint", ids.toArray()));
      seal.setArray(4, connection.createArrayOf("varchar", hashes));
      seal.execute();
    }
    return new Batch(entries.size(), checkpoints.record(connection, seq, previous));
  }
}

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

  AuditSealer(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  void onStart(@Observes StartupEvent event) {
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

  /** Seals everything committed so far; returns how many entries it chained. */
  public int sealPending() {
    int total = 0;
    int sealed;
    do {
      sealed = sealBatch();
      total += sealed;
    } while (sealed == BATCH);
    return total;
  }

  private int sealBatch() {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int sealed = sealBatch(connection);
        connection.commit();
        return sealed;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("sealing audit entries failed", e);
    }
  }

  private static int sealBatch(Connection connection) throws SQLException {
    long seq;
    String previous;
    try (PreparedStatement head = connection.prepareStatement("select seq, hash from audit_head where id = 1 for update");
        ResultSet row = head.executeQuery()) {
      row.next();
      seq = row.getLong(1);
      previous = row.getString(2);
    }
    List<AuditEntry> entries = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select id, " + AuditRows.COLUMNS.replace("seq, ", "") + " from audit_entry where seq is null order by id limit " + BATCH)) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(AuditRows.readUnsealed(rows));
          ids.add(rows.getLong("id"));
        }
      }
    }
    if (entries.isEmpty()) {
      return 0;
    }
    try (PreparedStatement update =
        connection.prepareStatement("update audit_entry set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null")) {
      for (int i = 0; i < entries.size(); i++) {
        AuditEntry entry = entries.get(i);
        entry.seq = ++seq;
        entry.prevHash = previous;
        entry.hash = AuditHash.of(entry, previous);
        previous = entry.hash;
        update.setLong(1, entry.seq);
        update.setString(2, entry.prevHash);
        update.setString(3, entry.hash);
        update.setLong(4, ids.get(i));
        update.addBatch();
      }
      update.executeBatch();
    }
    try (PreparedStatement head = connection.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
      head.setLong(1, seq);
      head.setString(2, previous);
      head.executeUpdate();
    }
    return entries.size();
  }
}

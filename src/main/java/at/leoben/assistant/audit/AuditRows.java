package at.leoben.assistant.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads audit rows with plain JDBC, for streaming through millions of them in constant memory. */
final class AuditRows {

  /** Every stored field ({@link AuditField}), for a select list. */
  static final String COLUMNS = AuditField.COLUMNS;

  private AuditRows() {}

  /** A detached entry (never persisted from here); {@code seq} is null while it is not chained. */
  static AuditEntry read(ResultSet row) throws SQLException {
    AuditEntry e = new AuditEntry();
    AuditField.readAll(e, row);
    return e;
  }
}

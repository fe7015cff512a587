package at.leoben.assistant.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit for admins: filtered pages, and exports streamed row by row from one snapshot. */
@ApplicationScoped
public class AuditLog {

  public enum Format {
    JSONL,
    CSV
  }

  public record Page(List<AuditEntryView> entries, long total, int page, int size) {}

  private final AgroalDataSource dataSource;
  private final AuditSealer sealer;
  private final ObjectMapper json;
  private final AuditConfig config;
  private final Clock clock;

  AuditLog(AgroalDataSource dataSource, AuditSealer sealer, ObjectMapper json, AuditConfig config, Clock clock) {
    this.dataSource = dataSource;
    this.sealer = sealer;
    this.json = json;
    this.config = config;
    this.clock = clock;
  }

  public Page list(AuditFilter filter, int page, int size) {
    sealer.sealPending();
    AuditFilter.Sql sql = filter.sql();
    try (Connection connection = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count = prepare(connection, "select count(*) from audit_entry where " + sql.where(), sql.parameters())) {
        try (ResultSet row = count.executeQuery()) {
          row.next();
          total = row.getLong(1);
        }
      }
      List<Object> parameters = new ArrayList<>(sql.parameters());
      parameters.add(size);
      parameters.add((long) page * size);
      List<AuditEntryView> entries = new ArrayList<>();
      try (PreparedStatement select =
              prepare(connection, "select " + AuditRows.COLUMNS + " from audit_entry where " + sql.where() + " order by seq limit ? offset ?", parameters);
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(AuditEntryView.of(AuditRows.read(rows)));
        }
      }
      return new Page(entries, total, page, size);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the audit", e);
    }
  }

  /** Checks the range first (a 400 before any byte is sent), then returns the writer of the export. */
  public Export export(AuditFilter filter, Format format) {
    AuditFilter bounded = filter.bounded(Instant.now(clock), config.maxExportDays());
    sealer.sealPending();
    return out -> write(bounded, format, out);
  }

  /** Writes an export to a stream. */
  @FunctionalInterface
  public interface Export {
    void writeTo(OutputStream out) throws IOException;
  }

  private void write(AuditFilter filter, Format format, OutputStream out) throws IOException {
    AuditFilter.Sql sql = filter.sql();
    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    if (format == Format.CSV) {
      writer.write(AuditEntryView.CSV_HEADER + "\r\n");
    }
    try (Connection connection = dataSource.getConnection()) {
      // One snapshot, read with a cursor: constant memory, and entries arriving meanwhile stay out.
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try (PreparedStatement select =
          prepare(connection, "select " + AuditRows.COLUMNS + " from audit_entry where " + sql.where() + " order by seq", sql.parameters())) {
        select.setFetchSize(2000);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            AuditEntry entry = AuditRows.read(rows);
            writer.write(format == Format.CSV ? AuditEntryView.csv(entry) : json.writeValueAsString(AuditEntryView.of(entry)) + "\n");
          }
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("audit export failed", e));
    }
    writer.flush();
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }
}

package at.leoben.assistant.audit;

import at.leoben.assistant.testsupport.Db;
import at.leoben.assistant.testsupport.Staff;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the audit tests do as an attacker with the database password, and how they ask verify. */
final class AuditTampering {

  private AuditTampering() {}

  /** {@code GET /api/v1/admin/audit/verify} as an admin. */
  static Response verify() {
    return Staff.asAdmin().get("/api/v1/admin/audit/verify").then().statusCode(200).extract().response();
  }

  /** Runs the statements in one transaction with the audit's triggers off, as the owner could. */
  static void tamper(String... statements) {
    List<String> all = new ArrayList<>();
    all.add("set local session_replication_role = replica");
    all.addAll(List.of(statements));
    Db.inOneTransaction(all.toArray(String[]::new));
  }

  /** The sealed entries with seq from {@code from} to {@code to}, by seq. */
  static Map<Long, AuditEntry> read(long from, long to) throws Exception {
    Map<Long, AuditEntry> entries = new HashMap<>();
    try (Connection connection = Db.connect();
        PreparedStatement statement =
            connection.prepareStatement("select " + AuditRows.COLUMNS + " from audit_entry where seq between ? and ?")) {
      statement.setLong(1, from);
      statement.setLong(2, to);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          AuditEntry entry = AuditRows.read(rows);
          entries.put(entry.seq, entry);
        }
      }
    }
    return entries;
  }
}

package at.leoben.assistant.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Databases beside the shared test database, on the same PostgreSQL (whose test user may create
 * databases and roles): one for the packaged jar (it runs without pinned audit keys, and its
 * entries must not mix with the tests' chain), and fresh ones with an owner and a runtime role.
 * Names derive from the test database's, so worktrees and CI runs do not meet.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** The shared test database's URL, from the environment the build gives (README, Tests). */
  public static String baseUrl() {
    String url = System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL");
    if (url == null || url.isBlank()) {
      url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
    }
    return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/buergerassistent_test" : url;
  }

  private static String baseName() {
    String url = baseUrl();
    String name = url.substring(url.lastIndexOf('/') + 1);
    int query = name.indexOf('?');
    return query < 0 ? name : name.substring(0, query);
  }

  private static String urlOf(String database) {
    String url = baseUrl();
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }

  private static String adminUser() {
    String user = System.getenv("_TEST_QUARKUS_DATASOURCE_USERNAME");
    return user == null || user.isBlank() ? "postgres" : user;
  }

  private static void asAdmin(String... statements) {
    try (Connection connection = DriverManager.getConnection(baseUrl(), adminUser(), "");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The packaged jar's database (created when missing), as a JDBC URL. */
  public static synchronized String jarDatabase() {
    String name = baseName() + "_jar";
    try (Connection connection = DriverManager.getConnection(baseUrl(), adminUser(), "");
        var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, name);
      if (!exists.executeQuery().next()) {
        try (Statement create = connection.createStatement()) {
          create.execute("create database " + name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return urlOf(name);
  }

  /** One statement against a database, as the test database's administrator. */
  public static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url, adminUser(), "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An empty database owned by a schema owner, and a runtime role with no privileges of its own. */
  public record TwoRoles(String url, String owner, String ownerPassword, String runtime, String runtimePassword) {

    /** Quarkus configuration: migrations as the owner, the service as the runtime role. */
    public Map<String, String> config() {
      return Map.of(
          "quarkus.datasource.jdbc.url", url,
          "quarkus.datasource.username", runtime,
          "quarkus.datasource.password", runtimePassword,
          "quarkus.flyway.username", owner,
          "quarkus.flyway.password", ownerPassword);
    }
  }

  /** Drops and creates {@code <test db>_<suffix>} with its two roles. */
  public static synchronized TwoRoles freshWithTwoRoles(String suffix) {
    String database = baseName() + "_" + suffix;
    String owner = database + "_owner";
    String runtime = database + "_app";
    asAdmin(
        "drop database if exists " + database + " with (force)",
        "drop role if exists " + runtime,
        "drop role if exists " + owner,
        "create role " + owner + " login password 'owner-secret'",
        "create role " + runtime + " login password 'app-secret'",
        "create database " + database + " owner " + owner);
    return new TwoRoles(urlOf(database), owner, "owner-secret", runtime, "app-secret");
  }
}

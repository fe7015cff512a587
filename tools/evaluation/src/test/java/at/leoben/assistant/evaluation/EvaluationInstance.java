package at.leoben.assistant.evaluation;

import at.leoben.assistant.testsupport.ServiceProcess;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged service started as the README's evaluation instance: its own fresh database, no
 * answer reuse, no review sample, no rate limit, the model approved in a registry of its own.
 */
final class EvaluationInstance {

  static final String ADMIN = "admin";

  private EvaluationInstance() {}

  static ServiceProcess start(String ollama, String model) throws Exception {
    String jdbcUrl = freshDatabase();
    Map<String, String> env = new HashMap<>();
    env.put("ASSISTANT_LLM_BASE_URL", ollama);
    env.put("ASSISTANT_LLM_MODEL", model);
    env.put("ASSISTANT_MODELS_REGISTRY", ServiceProcess.registryApproving(model).toString());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    env.put("QUARKUS_HTTP_PORT", String.valueOf(ServiceProcess.freePort()));
    env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    env.put("ASSISTANT_RESPONSIBLE_NAME", "Mag. Erika Muster");
    env.put("ASSISTANT_RESPONSIBLE_ROLE", "Leiterin Bürgerservice");
    env.put("ASSISTANT_RESPONSIBLE_CONTACT", "buergerservice@leoben.at");
    env.put("ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD", ServiceProcess.ADMIN_PASSWORD);
    env.put("ASSISTANT_KNOWLEDGE_REUSE_WINDOW", "0s");
    env.put("ASSISTANT_REVIEW_SAMPLE_RATE", "0");
    env.put("ASSISTANT_RATE_LIMIT_ENABLED", "false");
    return ServiceProcess.start(env).awaitReady();
  }

  /**
   * A new, empty database beside the test database ({@code QUARKUS_DATASOURCE_JDBC_URL} with the
   * suffix {@code _evaluation}), so that the numbers depend on the starter knowledge only.
   */
  private static String freshDatabase() throws SQLException, IOException {
    String tests = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/buergerassistent_test");
    String server = tests.substring(0, tests.lastIndexOf('/') + 1);
    String name = tests.substring(tests.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_evaluation";
    if (!name.matches("[a-z0-9_]+")) {
      throw new IOException("unexpected database name " + name);
    }
    try (Connection postgres = DriverManager.getConnection(server + "postgres", "postgres", "");
        Statement statement = postgres.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    }
    return server + name;
  }
}

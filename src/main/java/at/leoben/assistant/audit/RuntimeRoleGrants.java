package at.leoben.assistant.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * After every migration, as the schema owner, grants the service's runtime role what it needs and
 * no more (V17: {@code assistant_grant_runtime_role}). Tables added by later migrations are covered
 * at the next start. With one role for both, there is nothing to grant: the log says what that
 * means for the audit trail.
 */
@Singleton
public class RuntimeRoleGrants implements FlywayConfigurationCustomizer {

  private static final Logger LOG = Logger.getLogger(RuntimeRoleGrants.class);

  private final AgroalDataSource dataSource;

  RuntimeRoleGrants(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The role the service's connection pool logs in as. */
  private String runtimeRole() {
    Principal principal = dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration().principal();
    if (principal == null) {
      throw new IllegalStateException("The datasource has no user name (QUARKUS_DATASOURCE_USERNAME)");
    }
    return principal.getName();
  }

  @Override
  public void customize(FluentConfiguration configuration) {
    configuration.callbacks(
        new BaseCallback() {
          @Override
          public boolean supports(Event event, Context context) {
            return event == Event.AFTER_MIGRATE;
          }

          @Override
          public void handle(Event event, Context context) {
            try {
              grant(context.getConnection());
            } catch (SQLException e) {
              throw new IllegalStateException("Could not grant the runtime role its rights (README, Audit trail)", e);
            }
          }
        });
  }

  private void grant(Connection connection) throws SQLException {
    String runtimeRole = runtimeRole();
    String owner;
    boolean runtimeIsPrivileged;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select current_user, coalesce((select rolsuper or rolbypassrls from pg_roles where rolname = ?), false)")) {
      statement.setString(1, runtimeRole);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        owner = row.getString(1);
        runtimeIsPrivileged = row.getBoolean(2);
      }
    }
    if (owner.equals(runtimeRole)) {
      LOG.warn(
          "The service migrates and runs as the same database role: the audit trail is only as safe as that"
              + " role's password (it owns the audit tables). Set QUARKUS_FLYWAY_USERNAME/_PASSWORD to the schema"
              + " owner and QUARKUS_DATASOURCE_USERNAME/_PASSWORD to a plain runtime role (README, Audit trail)");
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement("select assistant_grant_runtime_role(?)")) {
      statement.setString(1, runtimeRole);
      statement.execute();
    }
    if (runtimeIsPrivileged) {
      LOG.warn("The runtime database role is a superuser: its grants do not limit it, the audit trail is only as safe as its password");
    } else {
      LOG.infof("Migrated as the schema owner; the runtime role may only append to the audit trail");
    }
  }
}

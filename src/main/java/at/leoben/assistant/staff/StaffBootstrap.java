package at.leoben.assistant.staff;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Creates the first admin from configuration, so a fresh installation can be administered. */
@ApplicationScoped
class StaffBootstrap {

  private static final Logger LOG = Logger.getLogger(StaffBootstrap.class);

  private final StaffConfig config;
  private final Clock clock;

  StaffBootstrap(StaffConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Transactional
  void onStart(@Observes StartupEvent event) {
    String username = StaffPasswords.username(config.bootstrapAdmin().username());
    if (StaffAccount.count("username", username) > 0) {
      return;
    }
    String password = config.bootstrapAdmin().password().orElse("");
    if (password.isEmpty()) {
      if (StaffAccount.count() == 0) {
        LOG.warn(
            "Running without staff accounts: the staff API refuses everyone until"
                + " ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD is set (or an identity provider is configured)");
      }
      return;
    }
    if (password.length() < StaffPasswords.MIN_LENGTH) {
      throw new IllegalStateException(
          "ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD is too short: at least " + StaffPasswords.MIN_LENGTH + " characters");
    }
    if (!StaffPasswords.fits(password)) {
      throw new IllegalStateException(
          "ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD is too long: bcrypt reads only " + StaffPasswords.MAX_BYTES + " bytes");
    }
    // Replicas that start together all find no admin: one creates it, the others must still start.
    int created =
        StaffAccount.getEntityManager()
            .createNativeQuery(
                "insert into staff_account (username, password_hash, roles, created_at)"
                    + " values (:username, :hash, 'admin', :created) on conflict (username) do nothing")
            .setParameter("username", username)
            .setParameter("hash", StaffPasswords.hash(password))
            .setParameter("created", Instant.now(clock))
            .executeUpdate();
    if (created == 1) {
      LOG.infof("Created the bootstrap admin account '%s'", username);
    }
  }
}

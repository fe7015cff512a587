package at.leoben.assistant.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code assistant.staff.*}: the first admin account of a fresh installation. */
@ConfigMapping(prefix = "assistant.staff")
public interface StaffConfig {

  BootstrapAdmin bootstrapAdmin();

  interface BootstrapAdmin {
    @WithDefault("admin")
    String username();

    /** From a secret (ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD); without it no admin is created. */
    Optional<String> password();
  }
}

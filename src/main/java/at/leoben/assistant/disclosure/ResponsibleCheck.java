package at.leoben.assistant.disclosure;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The strategy says a human is responsible for every AI answer, so the service does not start
 * without one. Runs at start-up and produces the {@link Responsible} everyone else injects.
 */
@ApplicationScoped
public class ResponsibleCheck {

  private final Responsible responsible;

  public ResponsibleCheck(ResponsibleConfig config) {
    List<String> missing = new ArrayList<>();
    String name = require(config.name(), "ASSISTANT_RESPONSIBLE_NAME", missing);
    String role = require(config.role(), "ASSISTANT_RESPONSIBLE_ROLE", missing);
    String contact = require(config.contact(), "ASSISTANT_RESPONSIBLE_CONTACT", missing);
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "No responsible person configured: set "
              + String.join(", ", missing)
              + " (name, role and contact of the human who answers for the AI answers)."
              + " Keine verantwortliche Person konfiguriert - der Dienst startet ohne sie nicht.");
    }
    this.responsible = new Responsible(name, role, contact);
  }

  @Startup
  void verifyAtStartup() {
    // Constructing the bean is the check; @Startup makes it happen before the first request.
  }

  @Produces
  Responsible responsible() {
    return responsible;
  }

  private static String require(Optional<String> value, String variable, List<String> missing) {
    String text = value.map(String::strip).orElse("");
    if (text.isEmpty()) {
      missing.add(variable);
    }
    return text;
  }
}

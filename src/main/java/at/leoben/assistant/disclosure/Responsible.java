package at.leoben.assistant.disclosure;

import java.util.Objects;

/** The person responsible for an AI answer, as shown to the citizen and kept in the audit. */
public record Responsible(String name, String role, String contact) {
  public Responsible {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(contact, "contact");
  }
}

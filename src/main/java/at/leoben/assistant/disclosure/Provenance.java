package at.leoben.assistant.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Where a stored text came from: the model that wrote it, the human responsible for it and when it
 * was generated. One value, embedded wherever a model's text is kept (a reply, an approved answer),
 * so that its disclosure can be restored exactly; null where no model wrote anything.
 */
@Embeddable
public record Provenance(
    @Column(name = "model") String model,
    @Column(name = "responsible_name") String responsibleName,
    @Column(name = "responsible_role") String responsibleRole,
    @Column(name = "responsible_contact") String responsibleContact,
    @Column(name = "generated_at") Instant generatedAt) {

  /** The provenance a disclosure states. */
  public static Provenance of(Disclosure disclosure) {
    Responsible responsible = disclosure.responsible();
    return new Provenance(
        disclosure.model(), responsible.name(), responsible.role(), responsible.contact(), disclosure.generatedAt());
  }

  public Responsible responsible() {
    return new Responsible(responsibleName, responsibleRole, responsibleContact);
  }
}

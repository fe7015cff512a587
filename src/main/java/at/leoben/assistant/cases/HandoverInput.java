package at.leoben.assistant.cases;

import at.leoben.assistant.web.MaxLength;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * A citizen hands their question to an office: consent to the processing (required), the
 * conversation so far only if ticked, at most one way to be reached, and a note.
 */
public record HandoverInput(
    @NotNull(message = "problem.case.consent") @AssertTrue(message = "problem.case.consent") Boolean consent,
    Boolean includeConversation,
    @Valid Contact contact,
    @MaxLength(property = "assistant.cases.max-note-length", message = "problem.case.note-too-long") String note) {

  /** E-mail or phone; both empty means "no contact: I check back with my token". */
  public record Contact(
      @MaxLength(value = 254, message = "problem.case.email-invalid") String email,
      @MaxLength(value = 40, message = "problem.case.phone-invalid") String phone) {}
}

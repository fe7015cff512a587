package at.leoben.assistant.models;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What admins see of the approved models and of the model the service is configured with. */
public record ModelsView(Configured configured, String promptVersion, String registry, List<Approved> approved) {

  /**
   * The configured model and the last check: {@code state} APPROVED, NOT_APPROVED, DRIFTED,
   * NOT_SERVED, UNREACHABLE or UNKNOWN; {@code servedDigest} what Ollama reported.
   */
  public record Configured(String name, String state, String servedDigest, String approvedDigest, String reason, Instant checkedAt) {}

  public record Approved(
      String name,
      String digest,
      String base,
      String modelfile,
      String purpose,
      String approvedBy,
      LocalDate approvedOn,
      String notes,
      boolean configured) {}
}

package at.leoben.assistant.llm;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One entry of the approved-model registry ({@code models/approved-models.yaml}): the Digital.Team
 * approved this model, identified by its Ollama digest, for this purpose.
 */
public record ApprovedModel(
    String name,
    String digest,
    Optional<String> base,
    Optional<String> modelfile,
    String purpose,
    String approvedBy,
    LocalDate approvedOn,
    Optional<String> notes) {}

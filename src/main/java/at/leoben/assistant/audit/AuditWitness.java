package at.leoben.assistant.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The witness outside the database ({@code ASSISTANT_AUDIT_WITNESS_FILE}): every signed checkpoint
 * is appended as it is made, one JSON object a line, and never rewritten. Put it where the database
 * (and whoever owns it) cannot write: a separate volume, or the log collector shipping it. Without
 * a file configured the witness is the public checkpoint endpoint alone (whoever keeps its copies).
 */
@ApplicationScoped
class AuditWitness {

  private static final Logger LOG = Logger.getLogger(AuditWitness.class);

  private final Optional<Path> file;
  private final ObjectMapper json;

  AuditWitness(AuditConfig config, ObjectMapper json) {
    this.file = config.witnessFile().filter(f -> !f.isBlank()).map(Path::of);
    this.json = json;
    if (file.isEmpty()) {
      LOG.info("No ASSISTANT_AUDIT_WITNESS_FILE: signed audit checkpoints are witnessed only by those who fetch"
          + " /api/v1/transparency/audit-checkpoints (README, Audit trail)");
    }
  }

  boolean configured() {
    return file.isPresent();
  }

  /** Appends checkpoints (after they were committed); a failure is logged, never hidden. */
  synchronized void append(List<AuditCheckpoint> checkpoints) {
    if (file.isEmpty() || checkpoints.isEmpty()) {
      return;
    }
    try {
      StringBuilder lines = new StringBuilder();
      for (AuditCheckpoint checkpoint : checkpoints) {
        lines.append(json.writeValueAsString(checkpoint)).append('\n');
      }
      Path path = file.get();
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    } catch (IOException e) {
      LOG.errorf("Could not append audit checkpoint(s) to the witness file (%s): %s", file.get(), e.getMessage());
    }
  }

  /** Everything witnessed so far, oldest first; lines that do not parse are skipped (and counted by the caller). */
  List<AuditCheckpoint> read() {
    if (file.isEmpty() || !Files.exists(file.get())) {
      return List.of();
    }
    try (BufferedReader lines = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
      List<AuditCheckpoint> checkpoints = new ArrayList<>();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        try {
          checkpoints.add(json.readValue(line, AuditCheckpoint.class));
        } catch (IOException e) {
          checkpoints.add(new AuditCheckpoint(-1, null, null, null, null));
        }
      }
      return checkpoints;
    } catch (IOException e) {
      throw new UncheckedIOException("the audit witness file cannot be read", e);
    }
  }
}

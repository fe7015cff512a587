package at.leoben.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry file: what it accepts, and that a doubtful approval stops the start. */
class ModelRegistryTest {

  static final String DIGEST = "a".repeat(64);

  @TempDir Path dir;

  @Test
  void readsAnEntryAndFindsItWithOrWithoutTheLatestTag() throws IOException {
    ModelRegistry registry = registry("""
        models:
          - name: leoben-assistent
            digest: sha256:%s
            base: llama3.1:8b
            purpose: Bürgerassistent
            approvedBy: Digital.Team
            approvedOn: 2026-11-26
        """.formatted(DIGEST.toUpperCase()));
    ApprovedModel model = registry.find("leoben-assistent:latest").orElseThrow();
    assertThat(model.digest()).isEqualTo(DIGEST);
    assertThat(model.approvedOn()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(model.base()).contains("llama3.1:8b");
    assertThat(registry.find("leoben-assistent:2.0")).isEmpty();
  }

  @Test
  void thePackagedRegistryLoads() {
    ModelRegistry packaged = new ModelRegistry(config(Optional.empty()));
    assertThat(packaged.source()).isEqualTo("classpath:models/approved-models.yaml");
    assertThat(packaged.approved()).allSatisfy(model -> assertThat(model.digest()).hasSize(64));
  }

  @Test
  void refusesEntriesThatApproveNothingCheckable() {
    String good = "    purpose: p\n    approvedBy: Digital.Team\n    approvedOn: 2026-11-26\n";
    assertRefused("models:\n  - name: m\n    digest: abc\n" + good, "64 hex digits");
    assertRefused("models:\n  - name: m\n    digest: " + DIGEST + "\n    purpose: p\n    approvedOn: 2026-11-26\n", "approvedBy is missing");
    assertRefused("models:\n  - name: m\n    digest: " + DIGEST + "\n    purpose: p\n    approvedBy: x\n    approvedOn: 26.11.2026\n", "not a date");
    assertRefused("models:\n  - name: m\n    digest: " + DIGEST + "\n    aproved: yes\n" + good, "unknown field 'aproved'");
    assertRefused(
        "models:\n  - name: m\n    digest: " + DIGEST + "\n" + good + "  - name: m:latest\n    digest: " + DIGEST + "\n" + good,
        "a second time");
    assertRefused("model: []\n", "'models' is missing");
  }

  private void assertRefused(String yaml, String because) {
    assertThatThrownBy(() -> registry(yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(because)
        .hasMessageContaining("der Dienst startet nicht");
  }

  private ModelRegistry registry(String yaml) throws IOException {
    Path file = dir.resolve("registry.yaml");
    Files.writeString(file, yaml);
    return new ModelRegistry(config(Optional.of(file)));
  }

  private static ModelsConfig config(Optional<Path> file) {
    return new ModelsConfig() {
      @Override
      public Optional<Path> registry() {
        return file;
      }

      @Override
      public Duration checkInterval() {
        return Duration.ofMinutes(1);
      }

      @Override
      public Duration recheckAfter() {
        return Duration.ZERO;
      }
    };
  }
}

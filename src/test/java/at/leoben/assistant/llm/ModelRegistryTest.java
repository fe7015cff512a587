package at.leoben.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
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
  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

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
    ModelRegistry packaged = new ModelRegistry(config(Optional.empty()), VALIDATOR);
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

  @Test
  void namesEveryProblemOfAnEntryAndWhatIsNotAnEntry() {
    assertRefused("models:\n  - name: m\n    digest: " + DIGEST + "\n    approvedOn: 2026-11-26\n",
        "models[0].approvedBy is missing; models[0].purpose is missing");
    assertRefused("models:\n  - leoben-assistent\n", "models[0] is not a mapping");
    assertRefused("models:\n  -\n", "models[0] is not a mapping");
    assertRefused("# nothing yet\n", "a list 'models' is missing");
    assertRefused("models:\n  - name: [a, b]\n", "models[0].name must be a single value");
    assertRefused("models:\n  - name: m\n    name: n\n", "Duplicate field 'name' in line 3");
    assertRefused("models:\n  - name: \"m\n", "not valid YAML in line");
  }

  @Test
  void theExampleEntryOfThePackagedFileIsValidOnceFilledIn() throws IOException {
    String packaged = new String(getClass().getClassLoader().getResourceAsStream("models/approved-models.yaml").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String example = packaged.substring(packaged.indexOf("# example entry"))
        .replaceAll("(?m)^#", "")
        .replace("<64 hex characters>", DIGEST)
        .replaceFirst("(?m)^ example entry.*$", "models:");

    ModelRegistry registry = registry(example);

    assertThat(registry.find("leoben-assistent:1.0")).hasValueSatisfying(model -> {
      assertThat(model.digest()).isEqualTo(DIGEST);
      assertThat(model.modelfile()).contains("models/leoben-assistent.Modelfile");
      assertThat(model.notes()).isPresent();
    });
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
    return new ModelRegistry(config(Optional.of(file)), VALIDATOR);
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

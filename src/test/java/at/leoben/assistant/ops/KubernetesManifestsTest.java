package at.leoben.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import at.leoben.assistant.ops.ManifestPolicy.Environment;
import at.leoben.assistant.ops.ManifestPolicy.Externals;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rendered Kubernetes manifests (k8s/, rendered and schema-checked by k8s/validate/check.js)
 * use only fields Kubernetes knows and follow the operating rules of ManifestPolicy.
 */
class KubernetesManifestsTest {

  private static final Path SECRET_TEMPLATE = Path.of("k8s", "secret.example.yaml");

  @ParameterizedTest
  @CsvSource({"dev", "prod", "model-pull"})
  void everyFieldIsOneKubernetesKnows(String kustomization) {
    List<String> unknown = new ArrayList<>();
    for (HasMetadata document : RenderedManifests.of(kustomization)) {
      UnknownFields.of(document).forEach(path -> unknown.add(Workloads.name(document) + ": " + path));
    }
    assertThat(unknown).as("fields the Kubernetes API does not know (misspelled or misplaced)").isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"dev, DEVELOPMENT", "prod, PRODUCTION"})
  void overlayFollowsTheOperatingRules(String overlay, Environment environment) {
    assertThat(ManifestPolicy.violations(RenderedManifests.of(overlay), environment, externals())).isEmpty();
  }

  @Test
  void modelPullFollowsTheOperatingRulesNextToProduction() {
    List<HasMetadata> applied = new ArrayList<>(RenderedManifests.of("prod"));
    applied.addAll(RenderedManifests.of("model-pull"));
    assertThat(ManifestPolicy.violations(applied, Environment.PRODUCTION, externals())).isEmpty();
  }

  @Test
  void productionRunsTheServiceTwiceAndPostgresTwice() {
    List<HasMetadata> prod = RenderedManifests.of("prod");
    assertThat(prod).filteredOn(Deployment.class::isInstance).map(Deployment.class::cast)
        .extracting(deployment -> deployment.getSpec().getReplicas())
        .isNotEmpty()
        .allSatisfy(replicas -> assertThat(replicas).isGreaterThanOrEqualTo(2));
    assertThat(prod).filteredOn(Workloads::isCnpgCluster).map(GenericKubernetesResource.class::cast)
        .extracting(cluster -> cluster.<Integer>get("spec", "instances"))
        .containsExactly(2);
  }

  @Test
  void secretTemplateHoldsEverySecretKeyAndNoValue() {
    List<HasMetadata> documents = RenderedManifests.read(SECRET_TEMPLATE);
    assertThat(documents).hasSize(3).allSatisfy(document -> assertThat(document).isInstanceOf(Secret.class));
    Map<String, Secret> templates = new java.util.HashMap<>();
    documents.forEach(document -> templates.put(document.getMetadata().getName(), (Secret) document));
    assertThat(templates).containsOnlyKeys("buergerassistent-secrets", "buergerassistent-db-owner", "buergerassistent-db-app");
    assertThat(templates.get("buergerassistent-secrets").getStringData()).containsOnlyKeys(
        "ASSISTANT_AUDIT_SIGNING_KEY", "ASSISTANT_AUDIT_PUBLIC_KEY", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY",
        "ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD", "ASSISTANT_RATE_LIMIT_HASH_KEY", "ASSISTANT_CASES_CONTACT_KEY");
    // Two database roles: the schema owner migrates, the service runs as the plain runtime role.
    for (String database : List.of("buergerassistent-db-owner", "buergerassistent-db-app")) {
      assertThat(templates.get(database).getType()).isEqualTo("kubernetes.io/basic-auth");
      assertThat(templates.get(database).getStringData()).containsOnlyKeys("username", "password");
    }
    for (Secret template : templates.values()) {
      assertThat(UnknownFields.of(template)).isEmpty();
      assertThat(template.getStringData().values()).as("placeholders only, never a real secret").containsOnly("REPLACE_ME");
      assertThat(template.getData()).isNullOrEmpty();
    }
  }

  @Test
  void theServiceMigratesAsTheOwnerAndRunsAsTheRuntimeRole() {
    Deployment service = RenderedManifests.of("prod").stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .filter(d -> d.getMetadata().getName().equals("buergerassistent")).findFirst().orElseThrow();
    Map<String, String> fromSecret = new java.util.HashMap<>();
    service.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
        .forEach(v -> fromSecret.put(v.getName(), v.getValueFrom().getSecretKeyRef().getName()));
    assertThat(fromSecret).containsEntry("QUARKUS_FLYWAY_USERNAME", "buergerassistent-db-owner")
        .containsEntry("QUARKUS_FLYWAY_PASSWORD", "buergerassistent-db-owner")
        .containsEntry("QUARKUS_DATASOURCE_USERNAME", "buergerassistent-db-app")
        .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "buergerassistent-db-app");
    GenericKubernetesResource cluster = RenderedManifests.of("prod").stream().filter(Workloads::isCnpgCluster)
        .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
    assertThat(cluster.<String>get("spec", "bootstrap", "initdb", "secret", "name")).isEqualTo("buergerassistent-db-owner");
    assertThat(cluster.<List<Map<String, Object>>>get("spec", "managed", "roles")).singleElement()
        .satisfies(role -> assertThat(role).containsEntry("name", "buergerassistent_app").containsEntry("login", true)
            .doesNotContainKeys("superuser", "createdb", "createrole", "bypassrls")
            .containsEntry("passwordSecret", Map.of("name", "buergerassistent-db-app")));
  }

  /** What the operator creates by hand: the Secret from the template, the Modelfile for the pull. */
  private static Externals externals() {
    Map<String, Set<String>> secrets = new java.util.HashMap<>();
    RenderedManifests.read(SECRET_TEMPLATE).forEach(document -> secrets.put(document.getMetadata().getName(), ((Secret) document).getStringData().keySet()));
    return new Externals(
        secrets,
        Map.of("leoben-assistent-modelfile", Set.of("Modelfile")));
  }
}

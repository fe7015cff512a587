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
    assertThat(documents).hasSize(1).first().isInstanceOf(Secret.class);
    Secret template = (Secret) documents.get(0);
    assertThat(UnknownFields.of(template)).isEmpty();
    assertThat(template.getMetadata().getName()).isEqualTo("buergerassistent-secrets");
    assertThat(template.getStringData()).containsOnlyKeys(
        "ASSISTANT_AUDIT_SIGNING_KEY", "ASSISTANT_AUDIT_PUBLIC_KEY", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY",
        "ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD", "ASSISTANT_RATE_LIMIT_HASH_KEY");
    assertThat(template.getStringData().values()).as("placeholders only, never a real secret").containsOnly("REPLACE_ME");
    assertThat(template.getData()).isNullOrEmpty();
  }

  /** What the operator creates by hand: the Secret from the template, the Modelfile for the pull. */
  private static Externals externals() {
    Secret template = (Secret) RenderedManifests.read(SECRET_TEMPLATE).get(0);
    return new Externals(
        Map.of(template.getMetadata().getName(), template.getStringData().keySet()),
        Map.of("leoben-assistent-modelfile", Set.of("Modelfile")));
  }
}

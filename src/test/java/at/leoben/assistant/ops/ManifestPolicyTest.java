package at.leoben.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.leoben.assistant.ops.ManifestPolicy.Environment;
import at.leoben.assistant.ops.ManifestPolicy.Externals;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Every check of the manifest tests fails on a manifest that breaks it. */
class ManifestPolicyTest {

  private static final Path FIXTURES = Path.of("src", "test", "resources", "k8s", "policy");
  private static final Externals EXTERNALS = new Externals(
      Map.of("buergerassistent-secrets", Set.of("ASSISTANT_AUDIT_SIGNING_KEY", "ASSISTANT_AUDIT_PUBLIC_KEY",
          "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD",
          "ASSISTANT_RATE_LIMIT_HASH_KEY"),
          "db-owner", Set.of("username", "password")),
      Map.of());

  @Test
  void theIntactFixturePasses() {
    assertThat(ManifestPolicy.violations(fixture(), Environment.PRODUCTION, EXTERNALS)).isEmpty();
  }

  static Stream<Arguments> brokenManifests() {
    return Stream.of(
        broken("a container without limits", d -> service(d).getResources().setLimits(Map.of()),
            "Deployment/buergerassistent container buergerassistent: has no cpu request and limit"),
        broken("a pod that may run as root", d -> pod(d).getSecurityContext().setRunAsNonRoot(false),
            "container buergerassistent: may run as root"),
        broken("a writable root filesystem", d -> service(d).getSecurityContext().setReadOnlyRootFilesystem(false),
            "has a writable root filesystem"),
        broken("privilege escalation", d -> service(d).getSecurityContext().setAllowPrivilegeEscalation(true),
            "may escalate privileges"),
        broken("capabilities kept", d -> service(d).getSecurityContext().getCapabilities().setDrop(List.of()),
            "keeps Linux capabilities"),
        broken("no seccomp profile", d -> pod(d).getSecurityContext().setSeccompProfile(null),
            "runs without a seccomp profile"),
        broken("a service account token", d -> pod(d).setAutomountServiceAccountToken(null),
            "mounts a service account token"),
        broken("an image without a tag", d -> service(d).setImage("registry.leoben.at/buergerassistent:latest"),
            "without a fixed tag or digest"),
        broken("Ollama without probes", d -> ollama(d).setReadinessProbe(null),
            "StatefulSet/ollama container ollama: has no readiness and liveness probe"),
        broken("a startup probe on the wrong path", d -> service(d).getStartupProbe().getHttpGet().setPath("/q/health"),
            "has no startup probe on /q/health/started"),
        broken("one replica", d -> one(d, Deployment.class).getSpec().setReplicas(1),
            "runs fewer than two replicas"),
        broken("no PodDisruptionBudget", d -> d.removeIf(PodDisruptionBudget.class::isInstance),
            "has no PodDisruptionBudget"),
        broken("an autoscaler down to one", d -> one(d, HorizontalPodAutoscaler.class).getSpec().setMinReplicas(1),
            "may scale below two replicas"),
        broken("one PostgreSQL instance in production", d -> cluster(d).put("instances", 1),
            "has fewer than two PostgreSQL instances in production"),
        broken("PostgreSQL without memory limit", d -> cluster(d).remove("resources"),
            "has no memory limit for PostgreSQL"),
        broken("a NetworkPolicy for pods that do not exist", d -> policy(d, "buergerassistent-egress")
                .getSpec().getPodSelector().setMatchLabels(Map.of("app.kubernetes.io/name", "buergerassitent")),
            "NetworkPolicy/buergerassistent-egress: selects no pod"),
        broken("a NetworkPolicy peer that does not exist", d -> policy(d, "buergerassistent-egress")
                .getSpec().getEgress().get(1).getTo().get(0).getPodSelector().setMatchLabels(Map.of("app", "olama")),
            "allows traffic with pods that do not exist: {app=olama}"),
        broken("no default deny", d -> d.remove(policy(d, "default-deny-all")),
            "no default-deny policy"),
        broken("a Service for no pod", d -> one(d, Service.class).getSpec().setSelector(Map.of("app", "x")),
            "Service/buergerassistent: selects no pod"),
        broken("an Ingress to a missing port", d -> one(d, Ingress.class).getSpec().getRules().get(0).getHttp()
                .getPaths().get(0).getBackend().getService().getPort().setName("web"),
            "routes to buergerassistent which has no such port"),
        broken("a contract variable missing", d -> one(d, ConfigMap.class).getData().remove("ASSISTANT_LLM_MODEL"),
            "does not give the service ASSISTANT_LLM_MODEL"),
        broken("a secret key that does not exist", d -> service(d).getEnv().get(1).getValueFrom().getSecretKeyRef().setKey("passwort"),
            "refers to key passwort of Secret db-app"),
        broken("migrations and service as one database role",
            d -> service(d).getEnv().stream().filter(v -> v.getName().startsWith("QUARKUS_FLYWAY_"))
                .forEach(v -> v.getValueFrom().getSecretKeyRef().setName("db-app")),
            "migrates and runs as the same database role"),
        broken("no schema owner for the migrations",
            d -> service(d).getEnv().removeIf(v -> v.getName().startsWith("QUARKUS_FLYWAY_")),
            "does not give the service QUARKUS_FLYWAY_USERNAME"),
        broken("a Secret nobody creates", d -> service(d).getEnvFrom().get(1).getSecretRef().setName("secrets"),
            "refers to Secret secrets, which nothing creates"),
        broken("a secret volume nobody creates", d -> pod(d).getVolumes().get(0).getSecret().setSecretName("db-cert"),
            "refers to Secret db-cert, which nothing creates"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenManifests")
  void aBrokenManifestIsReported(String what, Consumer<List<HasMetadata>> breakIt, String expected) {
    List<HasMetadata> documents = fixture();
    breakIt.accept(documents);
    assertThat(ManifestPolicy.violations(documents, Environment.PRODUCTION, EXTERNALS))
        .anySatisfy(violation -> assertThat(violation).contains(expected));
  }

  @Test
  void developmentMayRunOnePostgresInstance() {
    List<HasMetadata> documents = fixture();
    cluster(documents).put("instances", 1);
    assertThat(ManifestPolicy.violations(documents, Environment.DEVELOPMENT, EXTERNALS)).isEmpty();
  }

  @Test
  void misspelledAndMisplacedFieldsAreFound() {
    List<HasMetadata> documents = RenderedManifests.read(FIXTURES.resolve("misspelled.yaml"));
    assertThat(UnknownFields.of(documents.get(0))).containsExactlyInAnyOrder(
        "spec.replica",
        "spec.template.spec.containers[0].livenesProbe",
        "spec.template.spec.containers[0].resources.readOnlyRootFilesystem");
    assertThat(UnknownFields.of(fixture())).isEmpty();
  }

  @Test
  void missingRenderedManifestsFailInCiAndAreSkippedVisiblyElsewhere(@TempDir Path directory) {
    String problem = RenderedManifests.unusable(directory.resolve("prod.yaml"), directory).orElseThrow();
    assertThat(problem).contains("prod.yaml is missing").contains("node k8s/validate/check.js");
    assertThatThrownBy(() -> RenderedManifests.skipOrFail(problem, true))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("Kubernetes manifests not checked");
    assertThatThrownBy(() -> RenderedManifests.skipOrFail(problem, false)).isInstanceOf(TestAbortedException.class);
  }

  @Test
  void renderedManifestsOlderThanTheirSourcesAreStale(@TempDir Path directory) throws IOException {
    Path sources = Files.createDirectories(directory.resolve("k8s"));
    Path rendered = Files.writeString(directory.resolve("prod.yaml"), "kind: x\n");
    Path source = Files.writeString(sources.resolve("deployment.yaml"), "kind: x\n");
    Files.setLastModifiedTime(rendered, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
    assertThat(RenderedManifests.unusable(rendered, sources))
        .hasValueSatisfying(problem -> assertThat(problem).contains("is older than").contains("deployment.yaml"));
    Files.setLastModifiedTime(rendered, FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));
    assertThat(RenderedManifests.unusable(rendered, sources)).isEmpty();
  }

  private static Arguments broken(String what, Consumer<List<HasMetadata>> breakIt, String expected) {
    return Arguments.of(what, breakIt, expected);
  }

  private static List<HasMetadata> fixture() {
    return RenderedManifests.read(FIXTURES.resolve("valid.yaml"));
  }

  private static <T extends HasMetadata> T one(List<HasMetadata> documents, Class<T> type) {
    return documents.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  private static PodSpec pod(List<HasMetadata> documents) {
    return one(documents, Deployment.class).getSpec().getTemplate().getSpec();
  }

  private static Container service(List<HasMetadata> documents) {
    return pod(documents).getContainers().get(0);
  }

  private static Container ollama(List<HasMetadata> documents) {
    return one(documents, StatefulSet.class).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cluster(List<HasMetadata> documents) {
    return (Map<String, Object>) one(documents, GenericKubernetesResource.class).getAdditionalProperties().get("spec");
  }

  private static NetworkPolicy policy(List<HasMetadata> documents, String name) {
    return documents.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
        .filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }
}

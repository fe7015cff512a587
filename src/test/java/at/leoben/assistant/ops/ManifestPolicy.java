package at.leoben.assistant.ops;

import at.leoben.assistant.ops.Workloads.PodTemplate;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a reviewer checks in the Kubernetes manifests, as code. Each violation is one line naming
 * the resource and the rule; an empty list means the manifests pass.
 */
final class ManifestPolicy {

  enum Environment { PRODUCTION, DEVELOPMENT }

  /**
   * Secrets and ConfigMaps that exist in the cluster without being rendered here: the operator's
   * Secret (k8s/secret.example.yaml), what the model-pull procedure creates, and so on. Those
   * CloudNativePG creates for its clusters are added from the documents.
   */
  record Externals(Map<String, Set<String>> secrets, Map<String, Set<String>> configMaps) {}

  static final String SERVICE = "buergerassistent";

  /** The contract's variables (DESIGN.md) and those the service needs behind an ingress. */
  static final Set<String> SERVICE_VARIABLES = Set.of(
      "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_MODEL", "ASSISTANT_OUTBOUND_ALLOWED_HOSTS",
      "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
      "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD",
      "ASSISTANT_RESPONSIBLE_NAME", "ASSISTANT_RESPONSIBLE_ROLE", "ASSISTANT_RESPONSIBLE_CONTACT",
      "ASSISTANT_AUDIT_SIGNING_KEY", "ASSISTANT_AUDIT_PUBLIC_KEY", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY",
      "ASSISTANT_STAFF_BOOTSTRAP_ADMIN_PASSWORD", "ASSISTANT_RATE_LIMIT_HASH_KEY",
      "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED",
      "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");

  private final List<HasMetadata> documents;
  private final Environment environment;
  private final Map<String, Set<String>> secrets = new HashMap<>();
  private final Map<String, Set<String>> configMaps = new HashMap<>();
  private final List<Map<String, String>> pods;
  private final List<String> violations = new ArrayList<>();

  private ManifestPolicy(List<HasMetadata> documents, Environment environment, Externals externals) {
    this.documents = documents;
    this.environment = environment;
    this.pods = Workloads.podLabels(documents);
    secrets.putAll(externals.secrets());
    configMaps.putAll(externals.configMaps());
    for (HasMetadata document : documents) {
      if (document instanceof Secret secret) {
        secrets.put(secret.getMetadata().getName(), keys(secret.getData(), secret.getStringData()));
      } else if (document instanceof ConfigMap configMap) {
        configMaps.put(configMap.getMetadata().getName(), keys(configMap.getData(), configMap.getBinaryData()));
      } else if (Workloads.isCnpgCluster(document)) {
        String cluster = document.getMetadata().getName();
        secrets.put(cluster + "-app", Set.of("username", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass"));
        secrets.put(cluster + "-ca", Set.of("ca.crt", "ca.key"));
      }
    }
  }

  static List<String> violations(List<HasMetadata> documents, Environment environment, Externals externals) {
    ManifestPolicy policy = new ManifestPolicy(documents, environment, externals);
    policy.checkPods();
    policy.checkAvailability();
    policy.checkNetworkPolicies();
    policy.checkReferences();
    policy.checkServiceConfiguration();
    return List.copyOf(policy.violations);
  }

  private void checkPods() {
    for (PodTemplate pod : Workloads.podTemplates(documents)) {
      var spec = pod.template().getSpec();
      if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
        violation(pod.owner(), "mounts a service account token (automountServiceAccountToken must be false)");
      }
      PodSecurityContext podSecurity = Objects.requireNonNullElse(spec.getSecurityContext(), new PodSecurityContext());
      for (Container container : pod.allContainers()) {
        String where = pod.owner() + " container " + container.getName();
        ContainerRules.violations(container, podSecurity).forEach(what -> violation(where, what));
        if (pod.longRunning() && spec.getContainers().contains(container)
            && (container.getReadinessProbe() == null || container.getLivenessProbe() == null)) {
          violation(where, "has no readiness and liveness probe");
        }
      }
      for (Volume volume : spec.getVolumes()) {
        var secret = volume.getSecret();
        if (secret != null && !Boolean.TRUE.equals(secret.getOptional())) {
          requireKey(pod.owner(), secrets, "Secret", secret.getSecretName(), null);
          if (secrets.containsKey(secret.getSecretName())) {
            secret.getItems().forEach(item -> requireKey(pod.owner(), secrets, "Secret", secret.getSecretName(), item.getKey()));
          }
        }
        if (volume.getConfigMap() != null && !Boolean.TRUE.equals(volume.getConfigMap().getOptional())) {
          requireKey(pod.owner(), configMaps, "ConfigMap", volume.getConfigMap().getName(), null);
        }
      }
    }
  }

  private void checkAvailability() {
    Deployment service = find(Deployment.class, SERVICE);
    if (service == null) {
      violation("Deployment/" + SERVICE, "is missing");
      return;
    }
    if (Objects.requireNonNullElse(service.getSpec().getReplicas(), 1) < 2) {
      violation(Workloads.name(service), "runs fewer than two replicas");
    }
    Container container = service.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals(SERVICE)).findFirst().orElse(null);
    if (container == null) {
      violation(Workloads.name(service), "has no container " + SERVICE);
    } else {
      requireProbe(container.getStartupProbe(), "startup", "/q/health/started");
      requireProbe(container.getReadinessProbe(), "readiness", "/q/health/ready");
      requireProbe(container.getLivenessProbe(), "liveness", "/q/health/live");
    }
    var servicePods = service.getSpec().getTemplate().getMetadata().getLabels();
    boolean budget = documents.stream().filter(PodDisruptionBudget.class::isInstance).map(PodDisruptionBudget.class::cast)
        .anyMatch(pdb -> Workloads.matches(pdb.getSpec().getSelector(), servicePods));
    if (!budget) {
      violation(Workloads.name(service), "has no PodDisruptionBudget");
    }
    documents.stream().filter(HorizontalPodAutoscaler.class::isInstance).map(HorizontalPodAutoscaler.class::cast)
        .filter(hpa -> Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1) < 2)
        .forEach(hpa -> violation(Workloads.name(hpa), "may scale below two replicas"));
    if (environment == Environment.PRODUCTION) {
      documents.stream().filter(Workloads::isCnpgCluster).map(GenericKubernetesResource.class::cast)
          .filter(cluster -> ((Number) Objects.requireNonNullElse(cluster.get("spec", "instances"), 1)).intValue() < 2)
          .forEach(cluster -> violation(Workloads.name(cluster), "has fewer than two PostgreSQL instances in production"));
    }
    documents.stream().filter(Workloads::isCnpgCluster).map(GenericKubernetesResource.class::cast)
        .filter(cluster -> cluster.get("spec", "resources", "limits", "memory") == null)
        .forEach(cluster -> violation(Workloads.name(cluster), "has no memory limit for PostgreSQL"));
  }

  private void requireProbe(Probe probe, String kind, String path) {
    if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
      violation("Deployment/" + SERVICE, "has no " + kind + " probe on " + path);
    }
  }

  private void checkNetworkPolicies() {
    List<NetworkPolicy> policies = documents.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
    boolean defaultDeny = policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
        && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
        && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty());
    if (!defaultDeny) {
      violation("NetworkPolicy", "no default-deny policy for ingress and egress of every pod");
    }
    for (NetworkPolicy policy : policies) {
      String where = Workloads.name(policy);
      if (!Workloads.selectsAny(policy.getSpec().getPodSelector(), pods)) {
        violation(where, "selects no pod");
      }
      Stream.concat(
              policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream()),
              policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream()))
          .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null)
          .map(NetworkPolicyPeer::getPodSelector)
          .filter(selector -> !Workloads.selectsAny(selector, pods))
          .forEach(selector -> violation(where, "allows traffic with pods that do not exist: " + selector.getMatchLabels()));
    }
  }

  private static boolean isEmpty(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    return selector == null || (Objects.requireNonNullElse(selector.getMatchLabels(), Map.of()).isEmpty()
        && selector.getMatchExpressions().isEmpty());
  }

  private void checkReferences() {
    for (HasMetadata document : documents) {
      if (document instanceof Service service && service.getSpec().getSelector() != null
          && pods.stream().noneMatch(labels -> labels.entrySet().containsAll(service.getSpec().getSelector().entrySet()))) {
        violation(Workloads.name(service), "selects no pod");
      }
      if (document instanceof Ingress ingress) {
        ingress.getSpec().getRules().stream()
            .filter(rule -> rule.getHttp() != null)
            .flatMap(rule -> rule.getHttp().getPaths().stream())
            .map(path -> path.getBackend().getService())
            .filter(backend -> !serviceHasPort(backend.getName(), backend.getPort().getName(), backend.getPort().getNumber()))
            .forEach(backend -> violation(Workloads.name(ingress), "routes to " + backend.getName() + " which has no such port"));
      }
      if (document instanceof HorizontalPodAutoscaler hpa && find(Deployment.class, hpa.getSpec().getScaleTargetRef().getName()) == null) {
        violation(Workloads.name(hpa), "scales a Deployment that does not exist");
      }
    }
  }

  private boolean serviceHasPort(String name, String portName, Integer portNumber) {
    Service service = find(Service.class, name);
    return service != null && service.getSpec().getPorts().stream()
        .anyMatch(port -> Objects.equals(port.getName(), portName) || Objects.equals(port.getPort(), portNumber));
  }

  /** Every variable the service needs reaches its container, and everything referenced exists. */
  private void checkServiceConfiguration() {
    for (PodTemplate pod : Workloads.podTemplates(documents)) {
      for (Container container : pod.allContainers()) {
        Set<String> variables = new HashSet<>();
        for (EnvVar variable : container.getEnv()) {
          variables.add(variable.getName());
          var source = variable.getValueFrom();
          if (source != null && source.getSecretKeyRef() != null && !Boolean.TRUE.equals(source.getSecretKeyRef().getOptional())) {
            requireKey(pod.owner(), secrets, "Secret", source.getSecretKeyRef().getName(), source.getSecretKeyRef().getKey());
          }
          if (source != null && source.getConfigMapKeyRef() != null && !Boolean.TRUE.equals(source.getConfigMapKeyRef().getOptional())) {
            requireKey(pod.owner(), configMaps, "ConfigMap", source.getConfigMapKeyRef().getName(), source.getConfigMapKeyRef().getKey());
          }
        }
        for (EnvFromSource source : container.getEnvFrom()) {
          if (source.getConfigMapRef() != null) {
            variables.addAll(configMaps.getOrDefault(source.getConfigMapRef().getName(), Set.of()));
            requireKey(pod.owner(), configMaps, "ConfigMap", source.getConfigMapRef().getName(), null);
          }
          if (source.getSecretRef() != null) {
            variables.addAll(secrets.getOrDefault(source.getSecretRef().getName(), Set.of()));
            requireKey(pod.owner(), secrets, "Secret", source.getSecretRef().getName(), null);
          }
        }
        if (pod.owner().equals("Deployment/" + SERVICE) && container.getName().equals(SERVICE)) {
          SERVICE_VARIABLES.stream().filter(v -> !variables.contains(v)).sorted()
              .forEach(v -> violation(pod.owner(), "does not give the service " + v));
          // Two roles (README, Audit trail): the runtime role must not be the schema owner.
          String runtime = secretOf(container, "QUARKUS_DATASOURCE_USERNAME");
          if (runtime != null && runtime.equals(secretOf(container, "QUARKUS_FLYWAY_USERNAME"))) {
            violation(pod.owner(), "migrates and runs as the same database role (Secret " + runtime + ")");
          }
        }
      }
    }
  }

  private static String secretOf(Container container, String variable) {
    return container.getEnv().stream().filter(v -> v.getName().equals(variable) && v.getValueFrom() != null
            && v.getValueFrom().getSecretKeyRef() != null)
        .map(v -> v.getValueFrom().getSecretKeyRef().getName()).findFirst().orElse(null);
  }

  private void requireKey(String where, Map<String, Set<String>> known, String kind, String name, String key) {
    if (!known.containsKey(name)) {
      violation(where, "refers to " + kind + " " + name + ", which nothing creates");
    } else if (key != null && !known.get(name).contains(key)) {
      violation(where, "refers to key " + key + " of " + kind + " " + name + ", which it does not have");
    }
  }

  private <T extends HasMetadata> T find(Class<T> type, String name) {
    return documents.stream().filter(type::isInstance).map(type::cast)
        .filter(document -> document.getMetadata().getName().equals(name)).findFirst().orElse(null);
  }

  private static Set<String> keys(Map<String, String> first, Map<String, String> second) {
    Set<String> keys = new HashSet<>();
    if (first != null) {
      keys.addAll(first.keySet());
    }
    if (second != null) {
      keys.addAll(second.keySet());
    }
    return keys;
  }

  private void violation(String where, String what) {
    violations.add(where + ": " + what);
  }
}

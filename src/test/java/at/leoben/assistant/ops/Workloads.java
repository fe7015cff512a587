package at.leoben.assistant.ops;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The pods a set of manifests creates, and which of them a label selector picks. */
final class Workloads {

  static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

  /** A pod template of a workload; long-running pods need probes, a job's pods do not. */
  record PodTemplate(String owner, boolean longRunning, PodTemplateSpec template) {

    List<Container> allContainers() {
      var spec = template.getSpec();
      return Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream()).toList();
    }
  }

  private Workloads() {}

  static List<PodTemplate> podTemplates(List<HasMetadata> documents) {
    List<PodTemplate> templates = new ArrayList<>();
    for (HasMetadata document : documents) {
      String owner = name(document);
      if (document instanceof Deployment deployment) {
        templates.add(new PodTemplate(owner, true, deployment.getSpec().getTemplate()));
      } else if (document instanceof StatefulSet statefulSet) {
        templates.add(new PodTemplate(owner, true, statefulSet.getSpec().getTemplate()));
      } else if (document instanceof Job job) {
        templates.add(new PodTemplate(owner, false, job.getSpec().getTemplate()));
      }
    }
    return templates;
  }

  /** Labels of every pod: the templates', and CloudNativePG's instances (cnpg.io/cluster). */
  static List<Map<String, String>> podLabels(List<HasMetadata> documents) {
    List<Map<String, String>> labels = new ArrayList<>();
    podTemplates(documents).forEach(t -> labels.add(Objects.requireNonNullElse(t.template().getMetadata().getLabels(), Map.of())));
    documents.stream()
        .filter(Workloads::isCnpgCluster)
        .forEach(cluster -> labels.add(Map.of("cnpg.io/cluster", cluster.getMetadata().getName())));
    return labels;
  }

  static boolean isCnpgCluster(HasMetadata document) {
    return document instanceof GenericKubernetesResource
        && CNPG_CLUSTER.equals(document.getApiVersion() + "/" + document.getKind());
  }

  static boolean selectsAny(LabelSelector selector, List<Map<String, String>> pods) {
    return pods.stream().anyMatch(labels -> matches(selector, labels));
  }

  /** Kubernetes' label selector semantics; an empty selector selects every pod. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    boolean labelsMatch = Objects.requireNonNullElse(selector.getMatchLabels(), Map.<String, String>of())
        .entrySet().stream()
        .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    return labelsMatch && selector.getMatchExpressions().stream().allMatch(r -> matches(r, labels));
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    return switch (requirement.getOperator()) {
      case "In" -> value != null && requirement.getValues().contains(value);
      case "NotIn" -> value == null || !requirement.getValues().contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
    };
  }

  static String name(HasMetadata document) {
    return document.getKind() + "/" + document.getMetadata().getName();
  }
}

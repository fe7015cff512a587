package at.leoben.assistant.ops;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The rules every container meets: bounded resources, least privilege, a fixed image. */
final class ContainerRules {

  private ContainerRules() {}

  /** What is wrong with one container (with its pod's security context), one line each. */
  static List<String> violations(Container container, PodSecurityContext pod) {
    List<String> found = new ArrayList<>();
    resources(container, found);
    security(container, pod, found);
    image(container.getImage(), found);
    return found;
  }

  private static void resources(Container container, List<String> found) {
    var resources = container.getResources();
    Map<String, Quantity> requests = resources == null ? Map.of() : Objects.requireNonNullElse(resources.getRequests(), Map.of());
    Map<String, Quantity> limits = resources == null ? Map.of() : Objects.requireNonNullElse(resources.getLimits(), Map.of());
    for (String resource : List.of("cpu", "memory")) {
      if (!requests.containsKey(resource) || !limits.containsKey(resource)) {
        found.add("has no " + resource + " request and limit");
      }
    }
  }

  private static void security(Container container, PodSecurityContext pod, List<String> found) {
    SecurityContext own = Objects.requireNonNullElse(container.getSecurityContext(), new SecurityContext());
    Boolean nonRoot = own.getRunAsNonRoot() != null ? own.getRunAsNonRoot() : pod.getRunAsNonRoot();
    Long user = own.getRunAsUser() != null ? own.getRunAsUser() : pod.getRunAsUser();
    if (!Boolean.TRUE.equals(nonRoot) || Long.valueOf(0).equals(user)) {
      found.add("may run as root (runAsNonRoot must be true, runAsUser not 0)");
    }
    if (!Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
      found.add("has a writable root filesystem (readOnlyRootFilesystem must be true)");
    }
    if (!Boolean.FALSE.equals(own.getAllowPrivilegeEscalation()) || Boolean.TRUE.equals(own.getPrivileged())) {
      found.add("may escalate privileges (allowPrivilegeEscalation must be false, not privileged)");
    }
    if (own.getCapabilities() == null || !own.getCapabilities().getDrop().contains("ALL")
        || !own.getCapabilities().getAdd().isEmpty()) {
      found.add("keeps Linux capabilities (drop ALL, add none)");
    }
    var seccomp = own.getSeccompProfile() != null ? own.getSeccompProfile() : pod.getSeccompProfile();
    if (seccomp == null || !Set.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
      found.add("runs without a seccomp profile (RuntimeDefault)");
    }
  }

  private static void image(String image, List<String> found) {
    String afterRepository = image.substring(image.lastIndexOf('/') + 1);
    if (!image.contains("@") && (!afterRepository.contains(":") || afterRepository.endsWith(":latest"))) {
      found.add("uses image " + image + " without a fixed tag or digest");
    }
  }
}

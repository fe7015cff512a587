package at.leoben.assistant.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fields of a manifest that the fabric8 model does not know: Jackson puts every unknown key (a
 * misspelling such as {@code livenesProbe}, a field in the wrong place) into the {@code
 * additionalProperties} of the object it was found in, where it would otherwise be ignored
 * silently, just as the API server would drop or reject it.
 */
final class UnknownFields {

  private UnknownFields() {}

  /** Paths of unknown fields under a model object, e.g. {@code spec.template.spec.containers[0].livenesProbe}. */
  static List<String> of(Object model) {
    List<String> found = new ArrayList<>();
    visit(model, "", found);
    return found;
  }

  private static void visit(Object node, String path, List<String> found) {
    if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        visit(list.get(i), path + "[" + i + "]", found);
      }
    } else if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> visit(value, join(path, String.valueOf(key)), found));
    } else if (node instanceof GenericKubernetesResource generic) {
      // A custom resource keeps its whole content in additionalProperties: only its metadata is
      // typed here (its spec is checked by k8s/validate against the CRD's fields).
      visit(generic.getMetadata(), join(path, "metadata"), found);
    } else if (node != null && node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      visitModel(node, path, found);
    }
  }

  private static void visitModel(Object model, String path, List<String> found) {
    for (Class<?> type = model.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Object value = read(field, model);
        if (field.getName().equals("additionalProperties")) {
          if (value instanceof Map<?, ?> unknown) {
            unknown.keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
          }
        } else {
          visit(value, join(path, jsonName(field)), found);
        }
      }
    }
  }

  private static Object read(Field field, Object owner) {
    try {
      field.setAccessible(true);
      return field.get(owner);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + field + " of the fabric8 model", e);
    }
  }

  private static String jsonName(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : field.getName();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}

package at.leoben.assistant.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.engine.HibernateConstraintViolation;

/**
 * What Hibernate Validator found, as message keys of the text bundles: every constraint of the
 * request records names its key as {@code message}, and a limit as its argument (a constraint's
 * {@code value}, {@code min} or {@code max}, or what a custom constraint put in its payload).
 */
public final class Violations {

  /** One violation: the key and arguments of its text, and the field or parameter it concerns. */
  public record Message(String key, Object[] arguments, String subject) {}

  private Violations() {}

  /** The violations in the order the fields are declared, so the first is the first field wrong. */
  public static List<Message> of(ConstraintViolationException exception) {
    return exception.getConstraintViolations().stream()
        .sorted(Comparator.comparing(Violations::position))
        .map(v -> new Message(v.getMessageTemplate(), arguments(v), subject(v.getPropertyPath())))
        .toList();
  }

  /** A result the service produced broke a constraint: its own fault, not the client's. */
  public static boolean onReturnValue(ConstraintViolationException exception) {
    return exception.getConstraintViolations().stream()
        .anyMatch(v -> java.util.stream.StreamSupport.stream(v.getPropertyPath().spliterator(), false)
            .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE));
  }

  private static Object[] arguments(ConstraintViolation<?> violation) {
    Object[] payload = violation instanceof HibernateConstraintViolation<?> hibernate
        ? hibernate.getDynamicPayload(Object[].class)
        : null;
    if (payload != null) {
      return payload;
    }
    Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
    for (String limit : List.of("value", "min", "max")) {
      if (attributes.get(limit) instanceof Number number && number.longValue() != 0 && number.longValue() != Integer.MAX_VALUE) {
        return new Object[] {number};
      }
    }
    return new Object[0];
  }

  private static String subject(Path path) {
    String name = "";
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
        name = node.getName();
      }
    }
    return name;
  }

  /** Parameter index, then the index of the record component, then the name. */
  private static String position(ConstraintViolation<?> violation) {
    StringBuilder key = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        key.append(String.format("%03d", node.as(Path.ParameterNode.class).getParameterIndex()));
      } else if (node.getKind() == ElementKind.PROPERTY) {
        key.append(String.format("%03d", componentIndex(violation.getLeafBean(), node.getName())));
      }
    }
    return key.append(violation.getPropertyPath()).toString();
  }

  private static int componentIndex(Object bean, String name) {
    RecordComponent[] components = bean == null ? null : bean.getClass().getRecordComponents();
    if (components == null) {
      return 999;
    }
    int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(name);
    return index < 0 ? 999 : index;
  }
}

package at.leoben.assistant.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** At most so many bytes in UTF-8: what bcrypt reads of a password (it ignores the rest). */
@Constraint(validatedBy = MaxUtf8Bytes.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxUtf8Bytes {

  int value();

  /** The message key of the problem detail; {0} is the limit. */
  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<MaxUtf8Bytes, CharSequence> {

    private int max;

    @Override
    public void initialize(MaxUtf8Bytes annotation) {
      max = annotation.value();
    }

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
      if (text == null || text.toString().getBytes(StandardCharsets.UTF_8).length <= max) {
        return true;
      }
      context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(new Object[] {max});
      return false;
    }
  }
}

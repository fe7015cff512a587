package at.leoben.assistant.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * At most so many characters (code points, as a reader counts them, after trimming), the limit
 * given here or read from configuration ({@code property}, e.g. {@code assistant.chat.max-message-length}).
 * The problem detail gets the limit as its argument.
 */
@Constraint(validatedBy = MaxLength.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxLength {

  /** A fixed limit; ignored when {@link #property()} is set. */
  int value() default Integer.MAX_VALUE;

  /** The configuration key holding the limit. */
  String property() default "";

  /** The message key of the problem detail; {0} is the limit. */
  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<MaxLength, CharSequence> {

    private int max;

    @Override
    public void initialize(MaxLength annotation) {
      max = annotation.property().isEmpty()
          ? annotation.value()
          : ConfigProvider.getConfig().getValue(annotation.property(), Integer.class);
    }

    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      String trimmed = text.toString().strip();
      if (trimmed.codePointCount(0, trimmed.length()) <= max) {
        return true;
      }
      context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(new Object[] {max});
      return false;
    }
  }
}

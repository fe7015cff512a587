package at.leoben.assistant.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text with at least one visible character: not null, and more than white space, control and
 * invisible format characters (a message of zero-width spaces is no question).
 */
@Constraint(validatedBy = HasText.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface HasText {

  /** The message key of the problem detail. */
  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<HasText, CharSequence> {
    @Override
    public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
      return test(text);
    }

    /** Whether a text has anything visible, for rules that need it outside an annotation. */
    public static boolean test(CharSequence text) {
      return text != null && text.codePoints().anyMatch(Check::visible);
    }

    private static boolean visible(int codePoint) {
      int type = Character.getType(codePoint);
      return !Character.isWhitespace(codePoint)
          && !Character.isSpaceChar(codePoint)
          && type != Character.CONTROL
          && type != Character.FORMAT
          && type != Character.SURROGATE
          // Hangul fillers and variation selectors render as nothing on their own.
          && codePoint != 0x115F && codePoint != 0x1160 && codePoint != 0x3164 && codePoint != 0xFFA0
          && !(codePoint >= 0xFE00 && codePoint <= 0xFE0F);
    }
  }
}

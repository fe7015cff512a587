package at.leoben.assistant.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose every call spends from the client's allowance of this kind. The
 * limit belongs to the method the request reached, not to how its path was spelled (a trailing
 * slash, {@code /.}, a matrix parameter reach the same method and count the same).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {
  RateLimits.Kind value();
}

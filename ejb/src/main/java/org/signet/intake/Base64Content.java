package org.signet.intake;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Base64 (RFC 4648 section 4), line breaks allowed, nothing else. */
@Documented
@Constraint(validatedBy = Base64ContentValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Base64Content {

    String message() default "must be base64";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

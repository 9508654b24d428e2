package org.signet.intake;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A subject, body or alternative whose content decodes as its {@code contentEncoding} and {@code
 * charset} declare, with at most {@code maxChars} characters once decoded.
 */
@Documented
@Constraint(validatedBy = DecodableTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DecodableText {

    int maxChars() default Integer.MAX_VALUE;

    String message() default "cannot be decoded as declared";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

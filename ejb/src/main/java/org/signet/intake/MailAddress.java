package org.signet.intake;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One RFC 5322 mailbox, optionally with a display name: {@code Friendly Name<local@domain>}. */
@Documented
@Constraint(validatedBy = MailAddressValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MailAddress {

    String message() default "must be one e-mail address, optionally with a display name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

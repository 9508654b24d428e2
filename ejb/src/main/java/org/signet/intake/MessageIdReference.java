package org.signet.intake;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The Message-ID of another mail, as In-Reply-To carries it: {@code <id@domain>} (RFC 5322). */
@Documented
@Size(max = 998)
@Pattern(regexp = "<[^<>\\s@]+@[^<>\\s@]+>")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MessageIdReference {

    String message() default "must be a Message-ID such as <id@example.com>";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
